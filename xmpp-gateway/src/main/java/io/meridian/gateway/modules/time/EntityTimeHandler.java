package io.meridian.gateway.modules.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;

/** {@code urn:xmpp:time} (XEP-0202): the server's time in UTC and its zone's offset, from the clock it is given. */
public class EntityTimeHandler implements IqHandler {

	public static final String NAMESPACE = "urn:xmpp:time";

	/** XEP-0082's offset form: always {@code ±hh:mm}, {@code +00:00} for UTC (never {@code Z}). */
	private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

	private final Clock clock;

	public EntityTimeHandler(Clock clock) {
		this.clock = clock;
	}

	/** Answered from the clock: on the event loop. */
	@Override
	public boolean blocking() {
		return false;
	}

	@Override
	public String namespace() {
		return NAMESPACE;
	}

	@Override
	public Element handle(Element iq, Jid from) {
		if (!Stanzas.toServer(iq)) {
			// An account's time is its clients' to tell: only the server answers for itself.
			return StanzaError.SERVICE_UNAVAILABLE.replyTo(iq, null);
		}
		if (!"get".equals(iq.attribute("type")) || iq.child("time", NAMESPACE) == null) {
			return StanzaError.BAD_REQUEST.replyTo(iq, "a time request is a get with <time/>");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String offset = ZonedDateTime.ofInstant(now, this.clock.getZone()).format(OFFSET);
		return Stanzas.result(iq, Element.builder("time", NAMESPACE)
			.child(Element.builder("tzo", NAMESPACE).text(offset).build())
			.child(Element.builder("utc", NAMESPACE).text(DateTimeFormatter.ISO_INSTANT.format(now)).build())
			.build());
	}

}
