package io.meridian.gateway.stream;

import java.util.Map;

import io.meridian.gateway.stanza.Element;

/** What the parser emits: a stream opened, a complete top-level element, or the stream closed. */
public sealed interface StreamEvent {

	/**
	 * The opening stream tag.
	 *
	 * @param defaultNamespace the content namespace declared on it ({@code jabber:client} for c2s)
	 * @param attributes its attributes by qualified name
	 */
	record Opened(String defaultNamespace, Map<String, String> attributes) implements StreamEvent {

		public Opened {
			attributes = Map.copyOf(attributes);
		}

		public String attribute(String name) {
			return this.attributes.get(name);
		}

	}

	/** A complete first-level child of the stream: a stanza or a negotiation element. */
	record Received(Element element) implements StreamEvent {
	}

	/** The peer sent {@code </stream:stream>}. */
	record Closed() implements StreamEvent {
	}

}
