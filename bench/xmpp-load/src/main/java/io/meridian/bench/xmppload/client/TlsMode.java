package io.meridian.bench.xmppload.client;

/** How a connection gets encrypted. */
public enum TlsMode {

	/** Plain TCP, then STARTTLS (RFC 6120 section 5); the usual port 5222. */
	STARTTLS,

	/** TLS from the first byte (XEP-0368); the usual port 5223. */
	DIRECT,

	/** No TLS at all; only for servers that allow it, and only PLAIN-free mechanisms. */
	NONE

}
