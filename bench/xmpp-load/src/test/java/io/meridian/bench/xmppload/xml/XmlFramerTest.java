package io.meridian.bench.xmppload.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlFramerTest {

	private final XmlFramer framer = new XmlFramer(8, 4096);

	private final List<StreamEvent> events = new ArrayList<>();

	private void feed(String xml) {
		byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
		this.framer.feed(bytes, 0, bytes.length, this.events::add);
	}

	private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='example.com' version='1.0'>";

	@Test
	void headerThenWholeStanzasWithNamespacesAndText() {
		feed(HEADER + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms></stream:features>"
				+ "<message from='a@example.com/r' type='chat'><body>x &amp; y</body></message>");
		assertThat(this.events).hasSize(3);
		StreamEvent.Opened opened = (StreamEvent.Opened) this.events.get(0);
		assertThat(opened.attributes()).containsEntry("id", "s1").containsEntry("xmlns", "jabber:client");
		XmlElement features = ((StreamEvent.Element) this.events.get(1)).element();
		assertThat(features.is("features", "http://etherx.jabber.org/streams")).isTrue();
		assertThat(features.child("mechanisms", "urn:ietf:params:xml:ns:xmpp-sasl").childText("mechanism")).isEqualTo("PLAIN");
		XmlElement message = ((StreamEvent.Element) this.events.get(2)).element();
		assertThat(message.namespace()).isEqualTo("jabber:client");
		assertThat(message.attribute("from")).isEqualTo("a@example.com/r");
		assertThat(message.childText("body")).isEqualTo("x & y");
	}

	@Test
	void anElementSplitAcrossReadsComesOutOnceWhenComplete() {
		String xml = HEADER + "<message to='b@example.com'><body>hello world</body></message>";
		for (int i = 0; i < xml.length(); i += 7) {
			feed(xml.substring(i, Math.min(xml.length(), i + 7)));
		}
		assertThat(this.events).hasSize(2);
		assertThat(((StreamEvent.Element) this.events.get(1)).element().childText("body")).isEqualTo("hello world");
	}

	@Test
	void multiByteCharactersSplitInsideASequence() {
		byte[] xml = (HEADER + "<message><body>žluťoučký kůň</body></message>").getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < xml.length; i++) {
			this.framer.feed(xml, i, 1, this.events::add);
		}
		assertThat(((StreamEvent.Element) this.events.get(1)).element().childText("body")).isEqualTo("žluťoučký kůň");
	}

	@Test
	void resetStartsANewStreamAsAfterStartTls() {
		feed(HEADER + "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
		this.framer.reset();
		feed(HEADER + "<stream:features/>");
		assertThat(this.events).hasSize(4);
		assertThat(this.events.get(2)).isInstanceOf(StreamEvent.Opened.class);
	}

	@Test
	void theEndOfTheStream() {
		feed(HEADER + "</stream:stream>");
		assertThat(this.events.get(1)).isInstanceOf(StreamEvent.Closed.class);
	}

	@Test
	void limitsAndMalformedInput() {
		assertThatThrownBy(() -> feed(HEADER + "<a><b><c><d><e><f><g><h><i>")).isInstanceOf(XmlFramingException.class).hasMessageContaining("deeper");
		XmlFramer small = new XmlFramer(8, 100);
		byte[] big = (HEADER + "<message><body>" + "x".repeat(200)).getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> small.feed(big, 0, big.length, e -> {
		})).hasMessageContaining("larger than 100");
		XmlFramer broken = new XmlFramer();
		byte[] bad = (HEADER + "<a><<b/></a>").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> broken.feed(bad, 0, bad.length, e -> {
		})).hasMessageContaining("not well-formed");
	}

	@Test
	void serializationEscapesAndDeclaresOnlyChangedNamespaces() {
		feed(HEADER + "<iq type='result' id='a&lt;b'><query xmlns='jabber:iq:roster'><item jid='x@y' name='&quot;x&quot;'/></query></iq>");
		XmlElement iq = ((StreamEvent.Element) this.events.get(1)).element();
		assertThat(iq.toXml("jabber:client")).startsWith("<iq ")
			.contains("id='a&lt;b'")
			.contains("<query xmlns='jabber:iq:roster'><item ")
			.contains("name='&quot;x&quot;'")
			.endsWith("</query></iq>");
	}

}
