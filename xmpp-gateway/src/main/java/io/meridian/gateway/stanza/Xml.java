package io.meridian.gateway.stanza;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** XML escaping for attribute values (single-quoted) and text, and reading back what the gateway stored. */
public final class Xml {

	private static final XMLInputFactory INPUT = inputFactory();

	private Xml() {
	}

	/**
	 * Appends {@code value} escaped. Most text has nothing to escape: up to the first special
	 * character it is appended in one copy, the rest one character at a time.
	 */
	public static void escape(String value, StringBuilder sb) {
		int first = 0;
		while (first < value.length() && entity(value.charAt(first)) == null) {
			first++;
		}
		sb.append(value, 0, first);
		for (int i = first; i < value.length(); i++) {
			char c = value.charAt(i);
			String entity = entity(c);
			if (entity != null) {
				sb.append(entity);
			}
			else {
				sb.append(c);
			}
		}
	}

	/** The entity that stands for {@code c} in text and single- or double-quoted attributes, or null. */
	private static String entity(char c) {
		return switch (c) {
			case '&' -> "&amp;";
			case '<' -> "&lt;";
			case '>' -> "&gt;";
			case '\'' -> "&apos;";
			case '"' -> "&quot;";
			default -> null;
		};
	}

	public static String escape(String value) {
		StringBuilder sb = new StringBuilder(value.length() + 8);
		escape(value, sb);
		return sb.toString();
	}

	/**
	 * Reads one element the gateway wrote itself with {@link Element#toXml()} (a stored
	 * subscription request, say). Stream input never comes here: the stream decoder parses it.
	 * @throws IllegalArgumentException when the text is not one well-formed element
	 */
	public static Element parse(String xml) {
		Deque<Element.Builder> open = new ArrayDeque<>();
		try {
			XMLStreamReader reader = INPUT.createXMLStreamReader(new StringReader(xml));
			while (reader.hasNext()) {
				switch (reader.next()) {
					case XMLStreamConstants.START_ELEMENT -> {
						String namespace = reader.getNamespaceURI();
						Element.Builder builder = Element.builder(reader.getLocalName(), (namespace != null) ? namespace : "");
						for (int i = 0; i < reader.getAttributeCount(); i++) {
							String prefix = reader.getAttributePrefix(i);
							String local = reader.getAttributeLocalName(i);
							builder.attribute((prefix == null || prefix.isEmpty()) ? local : prefix + ":" + local, reader.getAttributeValue(i));
						}
						open.push(builder);
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
						if (!open.isEmpty()) {
							open.peek().text(reader.getText());
						}
					}
					case XMLStreamConstants.END_ELEMENT -> {
						Element done = open.pop().build();
						if (open.isEmpty()) {
							return done;
						}
						open.peek().child(done);
					}
					default -> {
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			throw new IllegalArgumentException("not well-formed XML: " + ex.getMessage(), ex);
		}
		throw new IllegalArgumentException("no complete element");
	}

	/**
	 * Whether {@link #parse} reads the text back, checked before the gateway stores an element:
	 * an attribute with a prefix other than {@code xml:} loses its namespace declaration in the
	 * element model, and such text would not read back later.
	 */
	public static boolean readsBack(String xml) {
		try {
			parse(xml);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static XMLInputFactory inputFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		return factory;
	}

}
