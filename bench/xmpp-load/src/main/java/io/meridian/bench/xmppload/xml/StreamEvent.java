package io.meridian.bench.xmppload.xml;

import java.util.Map;

/** What the framer reads from an XMPP stream: the stream header, each top-level element, the end. */
public sealed interface StreamEvent {

	/** {@code <stream:stream ...>}, with its attributes ({@code id}, {@code from}, ...). */
	record Opened(Map<String, String> attributes) implements StreamEvent {
	}

	/** A complete top-level element: a stanza, {@code <stream:features/>}, a SASL or TLS element, a stream error. */
	record Element(XmlElement element) implements StreamEvent {
	}

	/** {@code </stream:stream>} */
	record Closed() implements StreamEvent {
	}

}
