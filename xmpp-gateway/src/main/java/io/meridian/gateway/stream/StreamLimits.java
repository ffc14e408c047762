package io.meridian.gateway.stream;

/**
 * Hard limits the parser enforces on one stream; breaking one ends the stream with
 * {@code policy-violation}.
 *
 * @param maxStanzaBytes largest top-level element, in bytes on the wire
 * @param maxDepth deepest element nesting, counting the stream element as 1
 */
public record StreamLimits(int maxStanzaBytes, int maxDepth) {

	public StreamLimits {
		if (maxStanzaBytes < 1024) {
			throw new IllegalArgumentException("max stanza size must be at least 1024 bytes, was " + maxStanzaBytes);
		}
		if (maxDepth < 3) {
			throw new IllegalArgumentException("max depth must be at least 3, was " + maxDepth);
		}
	}

}
