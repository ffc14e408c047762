package io.meridian.gateway.modules.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTimeHandlerTest {

	private static final Jid ALICE = Jid.parse("alice@example.com/phone");

	@Test
	void answersUtcAndTheZonesOffsetFromTheClock() {
		Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:34:56.789123Z"), ZoneId.of("Asia/Kolkata"));
		Element reply = new EntityTimeHandler(clock).handle(request("example.com", "get"), ALICE);
		Element time = reply.child("time", EntityTimeHandler.NAMESPACE);
		assertThat(reply.attribute("type")).isEqualTo("result");
		assertThat(time.child("tzo", EntityTimeHandler.NAMESPACE).text()).isEqualTo("+05:30");
		assertThat(time.child("utc", EntityTimeHandler.NAMESPACE).text()).isEqualTo("2026-03-01T12:34:56.789Z");
	}

	@Test
	void utcIsPlusZeroHoursNotZ() {
		Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneId.of("UTC"));
		Element time = new EntityTimeHandler(clock).handle(request("example.com", "get"), ALICE).child("time", EntityTimeHandler.NAMESPACE);
		assertThat(time.child("tzo", EntityTimeHandler.NAMESPACE).text()).isEqualTo("+00:00");
		assertThat(time.child("utc", EntityTimeHandler.NAMESPACE).text()).isEqualTo("2026-03-01T12:00:00Z");
	}

	@Test
	void onlyTheServerAnswersAndOnlyAGet() {
		EntityTimeHandler handler = new EntityTimeHandler(Clock.systemUTC());
		assertThat(condition(handler.handle(request("alice@example.com", "get"), ALICE))).isEqualTo("service-unavailable");
		assertThat(condition(handler.handle(request("example.com", "set"), ALICE))).isEqualTo("bad-request");
	}

	private static Element request(String to, String type) {
		return Element.builder("iq", "jabber:client")
			.attribute("type", type)
			.attribute("id", "t1")
			.attribute("to", to)
			.attribute("from", ALICE.toString())
			.child(Element.builder("time", EntityTimeHandler.NAMESPACE).build())
			.build();
	}

	private static String condition(Element reply) {
		assertThat(reply.attribute("type")).isEqualTo("error");
		return reply.child("error", "jabber:client").elements().get(0).name();
	}

}
