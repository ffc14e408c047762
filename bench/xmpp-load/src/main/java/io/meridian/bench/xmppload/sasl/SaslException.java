package io.meridian.bench.xmppload.sasl;

/** A SASL exchange that cannot go on: a malformed or unverifiable server message. */
public class SaslException extends RuntimeException {

	public SaslException(String message) {
		super(message);
	}

}
