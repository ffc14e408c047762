package io.meridian.gateway.modules.offline;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OfflineMessagesTest {

	private static final Element MESSAGE = Element.builder("message", "jabber:client")
		.attribute("from", "juliet@capulet.lit/balcony")
		.attribute("to", "romeo@montague.lit")
		.attribute("type", "chat")
		.child(Element.builder("body", "jabber:client").text("Wherefore art thou?").build())
		.build();

	@Test
	void theDelayIsStampedByTheServerInUtcToTheMillisecondAfterThePayload() {
		Element stamped = OfflineMessages.stamped(MESSAGE, "montague.lit", Instant.parse("2026-03-01T10:15:30.123456Z"));

		assertThat(stamped.elements()).extracting(Element::name).containsExactly("body", "delay");
		Element delay = stamped.child("delay", "urn:xmpp:delay");
		assertThat(delay.attribute("from")).isEqualTo("montague.lit");
		assertThat(delay.attribute("stamp")).isEqualTo("2026-03-01T10:15:30.123Z");
		assertThat(stamped.attributes()).containsAllEntriesOf(MESSAGE.attributes());
	}

	@Test
	void aStampedMessageReadsBackAsItWasStored() {
		Element stamped = OfflineMessages.stamped(MESSAGE, "montague.lit", Instant.parse("2026-03-01T10:15:30Z"));

		assertThat(Xml.parse(stamped.toXml())).isEqualTo(stamped);
		assertThat(stamped.child("delay", "urn:xmpp:delay").attribute("stamp")).isEqualTo("2026-03-01T10:15:30Z");
	}

	@Test
	void storageIsSwitchedOffOnlyOnTheListedDomainsWhateverTheirCase() {
		OfflineMessages offline = new OfflineMessages(null, 100, List.of("Quiet.Example"));

		assertThat(offline.storesOn("quiet.example")).isFalse();
		assertThat(offline.storesOn("montague.lit")).isTrue();
	}

	@Test
	void aQueueHoldsAtLeastOneMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OfflineProperties(0, List.of()))
			.withMessageContaining("meridian.offline.max-per-user");
	}

}
