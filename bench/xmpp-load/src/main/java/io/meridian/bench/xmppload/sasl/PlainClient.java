package io.meridian.bench.xmppload.sasl;

import java.nio.charset.StandardCharsets;

/** SASL PLAIN (RFC 4616) with no authorization identity. */
public final class PlainClient implements SaslClient {

	private final String username;

	private final String password;

	public PlainClient(String username, String password) {
		this.username = username;
		this.password = password;
	}

	@Override
	public String mechanism() {
		return "PLAIN";
	}

	@Override
	public byte[] initialResponse() {
		return ("\0" + this.username + "\0" + this.password).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public byte[] evaluateChallenge(byte[] challenge) {
		throw new SaslException("PLAIN has no challenge");
	}

	@Override
	public void verifySuccess(byte[] additionalData) {
	}

}
