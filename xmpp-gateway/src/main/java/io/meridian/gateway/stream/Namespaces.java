package io.meridian.gateway.stream;

/** XML namespaces of the stream layer. */
public final class Namespaces {

	public static final String STREAMS = "http://etherx.jabber.org/streams";

	public static final String CLIENT = "jabber:client";

	public static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";

	private Namespaces() {
	}

}
