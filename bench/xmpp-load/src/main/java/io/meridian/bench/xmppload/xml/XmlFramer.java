package io.meridian.bench.xmppload.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;

/**
 * Cuts an XMPP stream into {@link StreamEvent}s with Aalto's non-blocking parser: bytes go in as
 * they arrive, each element is built once when its end tag is read. Limits depth and element
 * size so a broken or hostile peer cannot make it hold unbounded state.
 */
public final class XmlFramer {

	private static final AsyncXMLInputFactory FACTORY = newFactory();

	private final int maxDepth;

	private final int maxElementBytes;

	private final Deque<XmlElement.Builder> open = new ArrayDeque<>();

	private AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;

	private long fed;

	private long elementStart = -1;

	private int depth;

	public XmlFramer(int maxDepth, int maxElementBytes) {
		this.maxDepth = maxDepth;
		this.maxElementBytes = maxElementBytes;
		reset();
	}

	public XmlFramer() {
		this(32, 1 << 20);
	}

	/** A new parser, as a stream restart (after STARTTLS and SASL success) needs. */
	public void reset() {
		this.reader = FACTORY.createAsyncForByteArray();
		this.open.clear();
		this.fed = 0;
		this.elementStart = -1;
		this.depth = 0;
	}

	/**
	 * Feeds bytes and passes every event they complete to {@code events}. The array may be reused
	 * once this returns: the parser has consumed all of it.
	 * @throws XmlFramingException on malformed XML or a breached limit
	 */
	public void feed(byte[] bytes, int offset, int length, Consumer<StreamEvent> events) {
		AsyncXMLStreamReader<AsyncByteArrayFeeder> current = this.reader;
		try {
			current.getInputFeeder().feedInput(bytes, offset, length);
			this.fed += length;
			int event;
			// A restart inside the callback swaps the reader: stop reading the old one.
			while (current == this.reader && (event = current.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
				onEvent(event, events);
			}
		}
		catch (XMLStreamException ex) {
			throw new XmlFramingException("not well-formed: " + firstLine(ex.getMessage()));
		}
		if (this.elementStart >= 0 && this.fed - this.elementStart > this.maxElementBytes) {
			throw new XmlFramingException("element larger than " + this.maxElementBytes + " bytes");
		}
	}

	private void onEvent(int event, Consumer<StreamEvent> events) throws XMLStreamException {
		switch (event) {
			case XMLStreamConstants.START_ELEMENT -> start(events);
			case XMLStreamConstants.END_ELEMENT -> end(events);
			case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
				if (!this.open.isEmpty()) {
					this.open.peek().text(this.reader.getText());
				}
			}
			case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.DTD,
					XMLStreamConstants.ENTITY_REFERENCE ->
				throw new XmlFramingException("restricted XML (comment, PI, DTD or entity reference)");
			default -> {
			}
		}
	}

	private void start(Consumer<StreamEvent> events) {
		this.depth++;
		if (this.depth > this.maxDepth) {
			throw new XmlFramingException("elements nested deeper than " + this.maxDepth);
		}
		Map<String, String> attributes = attributes();
		if (this.depth == 1) {
			if (!"stream".equals(this.reader.getLocalName())) {
				throw new XmlFramingException("root element <" + this.reader.getLocalName() + "> is not <stream:stream>");
			}
			String content = this.reader.getNamespaceContext().getNamespaceURI(XMLConstants.DEFAULT_NS_PREFIX);
			if (content != null) {
				attributes.put("xmlns", content);
			}
			events.accept(new StreamEvent.Opened(attributes));
			return;
		}
		if (this.depth == 2) {
			this.elementStart = this.reader.getLocationInfo().getStartingByteOffset();
		}
		String namespace = this.reader.getNamespaceURI();
		this.open.push(new XmlElement.Builder(this.reader.getLocalName(), (namespace != null) ? namespace : "", attributes));
	}

	private Map<String, String> attributes() {
		int count = this.reader.getAttributeCount();
		Map<String, String> attributes = new HashMap<>(Math.max(4, count * 2));
		for (int i = 0; i < count; i++) {
			String prefix = this.reader.getAttributePrefix(i);
			String local = this.reader.getAttributeLocalName(i);
			attributes.put((prefix == null || prefix.isEmpty()) ? local : prefix + ":" + local, this.reader.getAttributeValue(i));
		}
		return attributes;
	}

	private void end(Consumer<StreamEvent> events) {
		this.depth--;
		if (this.depth == 0) {
			events.accept(new StreamEvent.Closed());
			return;
		}
		XmlElement element = this.open.pop().build();
		if (this.open.isEmpty()) {
			this.elementStart = -1;
			events.accept(new StreamEvent.Element(element));
		}
		else {
			this.open.peek().child(element);
		}
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
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		return factory;
	}

}
