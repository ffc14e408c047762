package io.meridian.gateway.stanza;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElementTest {

	@Test
	void serializesWithNamespacesOnlyWhereTheyChangeAndEscapesEverything() {
		Element message = Element.builder("message", "jabber:client")
			.attribute("to", "o'neil@example.com")
			.child(Element.builder("body", "jabber:client").text("1 < 2 & 3").build())
			.child(Element.builder("x", "urn:example").build())
			.build();
		assertThat(message.toXml()).isEqualTo("<message xmlns='jabber:client' to='o&apos;neil@example.com'>"
				+ "<body>1 &lt; 2 &amp; 3</body><x xmlns='urn:example'/></message>");
	}

	@Test
	void escapesSpecialCharactersAtEitherEndAndInRunsAndLeavesTheRestAlone() {
		assertThat(Xml.escape("")).isEmpty();
		assertThat(Xml.escape("plain text, no specials: éè 日本 😀")).isEqualTo("plain text, no specials: éè 日本 😀");
		assertThat(Xml.escape("<b>&\"'")).isEqualTo("&lt;b&gt;&amp;&quot;&apos;");
		assertThat(Xml.escape("&x<")).isEqualTo("&amp;x&lt;");
		assertThat(Xml.escape("a&&b'c")).isEqualTo("a&amp;&amp;b&apos;c");
		assertThat(Xml.parse("<body>" + Xml.escape("1 < 2 & 'é' > \"3\"") + "</body>").text()).isEqualTo("1 < 2 & 'é' > \"3\"");
	}

	@Test
	void adjacentTextIsJoined() {
		Element body = Element.builder("body", "jabber:client").text("a").text("b").build();
		assertThat(body.children()).containsExactly(new Text("ab"));
		assertThat(body.text()).isEqualTo("ab");
	}

	@Test
	void isImmutable() {
		Element e = new Element("iq", "jabber:client", Map.of("type", "get"), List.of());
		assertThatThrownBy(() -> e.attributes().put("type", "set")).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> e.children().add(new Text("x"))).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void readsBackWhatItWrote() {
		Element presence = Element.builder("presence", "jabber:client")
			.attribute("from", "romeo@example.com")
			.attribute("type", "subscribe")
			.attribute("xml:lang", "en")
			.child(Element.builder("status", "jabber:client").text("it's me & <you>").build())
			.child(Element.builder("nick", "http://jabber.org/protocol/nick").text("Romeo").build())
			.build();
		assertThat(Xml.parse(presence.toXml())).isEqualTo(presence);
		assertThatThrownBy(() -> Xml.parse("<presence>")).isInstanceOf(IllegalArgumentException.class);
	}

}
