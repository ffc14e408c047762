package io.meridian.bench.xmppload.client;

import java.time.Duration;

import io.meridian.bench.xmppload.sasl.SaltedPasswordCache;

/**
 * Where and how every connection of a run logs in.
 *
 * @param host server address
 * @param port server port (5222 for STARTTLS, 5223 for direct TLS by convention)
 * @param domain the XMPP domain in the stream header, the JIDs and TLS SNI
 * @param tls STARTTLS, direct TLS or none
 * @param mechanism the SASL mechanism to use: SCRAM-SHA-256, SCRAM-SHA-1 or PLAIN
 * @param password every account's password
 * @param loginTimeout how long one login may take before it counts as failed
 * @param saltedPasswords client-side cache of SCRAM SaltedPassword
 */
public record Endpoint(String host, int port, String domain, TlsMode tls, String mechanism, String password, Duration loginTimeout,
		SaltedPasswordCache saltedPasswords) {
}
