package io.meridian.gateway.domain;

/** Answers whether this node serves an XMPP domain. Reads are on the connection path: lock-free. */
public interface HostedDomains {

	/** @param domain a domain as a client wrote it; compared case-insensitively */
	boolean isServed(String domain);

}
