package io.meridian.gateway.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import io.meridian.gateway.stanza.Element;

/**
 * Parses an XMPP stream once, without blocking, into {@link StreamEvent}s. Enforces the
 * {@link StreamLimits} and RFC 6120's restricted XML (no DTD, comments, processing
 * instructions or entity references); any violation is thrown as a {@link StreamException}.
 * Bytes are copied into the parser, so no network buffer outlives a call.
 */
public final class XmlStreamDecoder extends ByteToMessageDecoder {

	private static final AsyncXMLInputFactory FACTORY = newFactory();

	private final StreamLimits limits;

	private final Deque<Element.Builder> open = new ArrayDeque<>();

	private AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;

	private long bytesFed;

	private long stanzaStart = -1;

	private int depth;

	public XmlStreamDecoder(StreamLimits limits) {
		this.limits = limits;
		reset();
	}

	/** Starts a fresh parser, as a stream restart (after STARTTLS or SASL) requires. */
	public void reset() {
		this.reader = FACTORY.createAsyncForByteArray();
		this.open.clear();
		this.bytesFed = 0;
		this.stanzaStart = -1;
		this.depth = 0;
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		byte[] bytes = new byte[in.readableBytes()];
		in.readBytes(bytes);
		feed(bytes, out);
	}

	/**
	 * Parses one stanza given outside a stream (by the admin API) under the same rules and
	 * limits as a client's, in the {@code jabber:client} namespace.
	 * @throws StreamException when it is not well-formed, too big or too deep
	 * @throws IllegalArgumentException when it is not exactly one element
	 */
	public static Element parseStanza(String xml, StreamLimits limits) {
		List<Object> events = new java.util.ArrayList<>();
		new XmlStreamDecoder(limits).feed(("<stream:stream xmlns='" + Namespaces.CLIENT + "' xmlns:stream='" + Namespaces.STREAMS + "'>"
				+ xml + "</stream:stream>").getBytes(java.nio.charset.StandardCharsets.UTF_8), events);
		List<Element> elements = events.stream()
			.filter(StreamEvent.Received.class::isInstance)
			.map(e -> ((StreamEvent.Received) e).element())
			.toList();
		if (elements.size() != 1 || !(events.get(events.size() - 1) instanceof StreamEvent.Closed)) {
			throw new IllegalArgumentException("expected exactly one complete element, found " + elements.size());
		}
		return elements.get(0);
	}

	/** Feeds raw bytes and adds every event they complete to {@code out}. */
	void feed(byte[] bytes, List<Object> out) {
		try {
			this.reader.getInputFeeder().feedInput(bytes, 0, bytes.length);
			this.bytesFed += bytes.length;
			int event;
			while ((event = this.reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
				onEvent(event, out);
			}
		}
		catch (XMLStreamException ex) {
			throw new StreamException(StreamErrorCondition.NOT_WELL_FORMED, "not well-formed XML: " + firstLine(ex.getMessage()));
		}
		if (this.stanzaStart >= 0 && this.bytesFed - this.stanzaStart > this.limits.maxStanzaBytes()) {
			throw new StreamException(StreamErrorCondition.POLICY_VIOLATION,
					"stanza larger than " + this.limits.maxStanzaBytes() + " bytes");
		}
	}

	private void onEvent(int event, List<Object> out) throws XMLStreamException {
		switch (event) {
			case XMLStreamConstants.START_ELEMENT -> startElement(out);
			case XMLStreamConstants.END_ELEMENT -> endElement(out);
			case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> characters();
			case XMLStreamConstants.START_DOCUMENT, XMLStreamConstants.END_DOCUMENT -> {
			}
			case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.DTD,
					XMLStreamConstants.ENTITY_REFERENCE ->
				throw new StreamException(StreamErrorCondition.RESTRICTED_XML,
						"comments, processing instructions, DTDs and entity references are not allowed");
			default -> throw new StreamException(StreamErrorCondition.NOT_WELL_FORMED, "unexpected XML event " + event);
		}
	}

	private void startElement(List<Object> out) {
		this.depth++;
		if (this.depth > this.limits.maxDepth()) {
			throw new StreamException(StreamErrorCondition.POLICY_VIOLATION,
					"elements nested deeper than " + this.limits.maxDepth());
		}
		String namespace = this.reader.getNamespaceURI();
		Map<String, String> attributes = attributes();
		if (this.depth == 1) {
			if (!"stream".equals(this.reader.getLocalName()) || !Namespaces.STREAMS.equals(namespace)) {
				throw new StreamException(StreamErrorCondition.INVALID_NAMESPACE,
						"the root element must be <stream> in " + Namespaces.STREAMS);
			}
			String content = this.reader.getNamespaceContext().getNamespaceURI(XMLConstants.DEFAULT_NS_PREFIX);
			out.add(new StreamEvent.Opened((content != null) ? content : "", attributes));
			return;
		}
		if (this.depth == 2) {
			this.stanzaStart = this.reader.getLocationInfo().getStartingByteOffset();
		}
		Element.Builder builder = Element.builder(this.reader.getLocalName(), namespace);
		attributes.forEach(builder::attribute);
		this.open.push(builder);
	}

	private Map<String, String> attributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		for (int i = 0; i < this.reader.getAttributeCount(); i++) {
			String prefix = this.reader.getAttributePrefix(i);
			String local = this.reader.getAttributeLocalName(i);
			attributes.put((prefix == null || prefix.isEmpty()) ? local : prefix + ":" + local, this.reader.getAttributeValue(i));
		}
		return attributes;
	}

	private void endElement(List<Object> out) throws XMLStreamException {
		this.depth--;
		if (this.depth == 0) {
			out.add(new StreamEvent.Closed());
			return;
		}
		Element element = this.open.pop().build();
		if (this.open.isEmpty()) {
			// A whole stanza may arrive in one read: check its size here too, not only while it is incomplete.
			if (this.reader.getLocationInfo().getEndingByteOffset() - this.stanzaStart > this.limits.maxStanzaBytes()) {
				throw new StreamException(StreamErrorCondition.POLICY_VIOLATION, "stanza larger than " + this.limits.maxStanzaBytes() + " bytes");
			}
			this.stanzaStart = -1;
			out.add(new StreamEvent.Received(element));
		}
		else {
			this.open.peek().child(element);
		}
	}

	private void characters() {
		if (!this.open.isEmpty()) {
			this.open.peek().text(this.reader.getText());
		}
		else if (!this.reader.getText().isBlank()) {
			throw new StreamException(StreamErrorCondition.BAD_FORMAT, "text is not allowed between stanzas");
		}
		// Whitespace between stanzas is a keep-alive (RFC 6120 section 4.6.1).
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "parse error";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

	private static AsyncXMLInputFactory newFactory() {
		AsyncXMLInputFactory factory = new InputFactoryImpl();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		return factory;
	}

}
