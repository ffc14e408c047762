package io.meridian.gateway.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

import io.meridian.gateway.stanza.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlStreamDecoderTest {

	private static final String OPEN = "<?xml version='1.0'?><stream:stream to='localhost' version='1.0' xml:lang='de' "
			+ "xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

	private final EmbeddedChannel channel = new EmbeddedChannel(new XmlStreamDecoder(new StreamLimits(1024, 5)));

	@Test
	void emitsTheStreamHeaderWithItsAttributesAndContentNamespace() {
		StreamEvent.Opened opened = (StreamEvent.Opened) write(OPEN).getFirst();
		assertThat(opened.defaultNamespace()).isEqualTo("jabber:client");
		assertThat(opened.attribute("to")).isEqualTo("localhost");
		assertThat(opened.attribute("version")).isEqualTo("1.0");
		assertThat(opened.attribute("xml:lang")).isEqualTo("de");
	}

	@Test
	void emitsEachStanzaWhole_evenWhenItArrivesByteByByte() {
		write(OPEN);
		String stanza = "<message to='juliet@localhost' type='chat'><body>w&amp;here art thou</body></message>";
		List<Object> events = new ArrayList<>();
		for (byte b : stanza.getBytes(StandardCharsets.UTF_8)) {
			events.addAll(writeBytes(new byte[] { b }));
		}
		assertThat(events).hasSize(1);
		Element message = ((StreamEvent.Received) events.getFirst()).element();
		assertThat(message.name()).isEqualTo("message");
		assertThat(message.namespace()).isEqualTo("jabber:client");
		assertThat(message.attribute("to")).isEqualTo("juliet@localhost");
		assertThat(message.child("body", "jabber:client").text()).isEqualTo("w&here art thou");
	}

	@Test
	void keepsMultiByteCharactersSplitAcrossReads() {
		write(OPEN);
		byte[] bytes = "<message><body>Grüße 😀</body></message>".getBytes(StandardCharsets.UTF_8);
		List<Object> events = new ArrayList<>(writeBytes(java.util.Arrays.copyOfRange(bytes, 0, 19)));
		events.addAll(writeBytes(java.util.Arrays.copyOfRange(bytes, 19, bytes.length)));
		Element message = ((StreamEvent.Received) events.getFirst()).element();
		assertThat(message.child("body", "jabber:client").text()).isEqualTo("Grüße 😀");
	}

	@Test
	void acceptsWhitespaceKeepAlivesAndReportsTheClose() {
		write(OPEN);
		assertThat(write("  \n ")).isEmpty();
		assertThat(write("</stream:stream>")).containsExactly(new StreamEvent.Closed());
	}

	@Test
	void oversizeStanzaIsAPolicyViolation() {
		write(OPEN);
		String body = "x".repeat(2000);
		assertError(() -> write("<message><body>" + body), StreamErrorCondition.POLICY_VIOLATION, "larger than 1024 bytes");
	}

	@Test
	void anOversizeStanzaThatArrivesWholeInOneReadIsAPolicyViolationToo() {
		write(OPEN);
		assertError(() -> write("<message><body>" + "x".repeat(2000) + "</body></message>"), StreamErrorCondition.POLICY_VIOLATION,
				"larger than 1024 bytes");
	}

	@Test
	void aStanzaOfExactlyTheLimitPasses() {
		write(OPEN);
		String open = "<message><body>";
		String close = "</body></message>";
		assertThat(write(open + "x".repeat(1024 - open.length() - close.length()) + close)).hasSize(1);
	}

	@Test
	void manySmallStanzasTogetherAreNotOversize() {
		write(OPEN);
		assertThat(write("<presence/>".repeat(200))).hasSize(200);
	}

	@Test
	void tooDeepNestingIsAPolicyViolation() {
		write(OPEN);
		assertError(() -> write("<message><a><b><c><d>"), StreamErrorCondition.POLICY_VIOLATION, "nested deeper than 5");
	}

	@Test
	void malformedXmlIsNotWellFormed() {
		write(OPEN);
		assertError(() -> write("<message></presence>"), StreamErrorCondition.NOT_WELL_FORMED, "not well-formed");
	}

	@Test
	void commentsAreRestrictedXml() {
		write(OPEN);
		assertError(() -> write("<!-- hi -->"), StreamErrorCondition.RESTRICTED_XML, "comments");
	}

	@Test
	void aDoctypeIsRestrictedXml() {
		assertError(() -> write("<?xml version='1.0'?><!DOCTYPE stream SYSTEM 'file:///etc/passwd'>"),
				StreamErrorCondition.RESTRICTED_XML, "DTD");
	}

	@Test
	void entityDeclarationsNeverParse() {
		assertError(() -> write("<?xml version='1.0'?><!DOCTYPE lol [<!ENTITY lol 'lol'>]>"), StreamErrorCondition.NOT_WELL_FORMED,
				"not well-formed");
	}

	@Test
	void anUndeclaredEntityReferenceIsRestrictedXml() {
		write(OPEN);
		assertError(() -> write("<message><body>&lol;</body></message>"), StreamErrorCondition.RESTRICTED_XML, "entity");
	}

	@Test
	void aRootOtherThanStreamIsAnInvalidNamespace() {
		assertError(() -> write("<stream xmlns='jabber:client'>"), StreamErrorCondition.INVALID_NAMESPACE, "root element");
	}

	@Test
	void textBetweenStanzasIsBadFormat() {
		write(OPEN);
		assertError(() -> write("hello"), StreamErrorCondition.BAD_FORMAT, "text");
	}

	@Test
	void resetStartsANewStream() {
		XmlStreamDecoder decoder = this.channel.pipeline().get(XmlStreamDecoder.class);
		write(OPEN);
		decoder.reset();
		assertThat(write(OPEN).getFirst()).isInstanceOf(StreamEvent.Opened.class);
	}

	private List<Object> write(String xml) {
		return writeBytes(xml.getBytes(StandardCharsets.UTF_8));
	}

	private List<Object> writeBytes(byte[] bytes) {
		this.channel.writeInbound(Unpooled.wrappedBuffer(bytes));
		List<Object> events = new ArrayList<>();
		Object event;
		while ((event = this.channel.readInbound()) != null) {
			events.add(event);
		}
		return events;
	}

	private static void assertError(Runnable action, StreamErrorCondition condition, String text) {
		assertThatThrownBy(action::run).isInstanceOf(DecoderException.class)
			.cause()
			.isInstanceOfSatisfying(StreamException.class, ex -> {
				assertThat(ex.condition()).isEqualTo(condition);
				assertThat(ex.getMessage()).contains(text);
			});
	}

}
