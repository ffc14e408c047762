package io.meridian.bench.xmppload.sasl;

/** The client side of one SASL exchange, driven by the XMPP connection. */
public interface SaslClient {

	String mechanism();

	/** The initial response (sent in {@code <auth/>}), raw bytes before base64. */
	byte[] initialResponse();

	/** The response to a server challenge. */
	byte[] evaluateChallenge(byte[] challenge);

	/**
	 * Checks the additional data of {@code <success/>}.
	 * @throws SaslException when the server did not prove it knows the credentials
	 */
	void verifySuccess(byte[] additionalData);

}
