package io.meridian.bench.xmppload.xml;

/** The peer sent XML the framer will not read: malformed, restricted or over a limit. */
public class XmlFramingException extends RuntimeException {

	public XmlFramingException(String message) {
		super(message);
	}

}
