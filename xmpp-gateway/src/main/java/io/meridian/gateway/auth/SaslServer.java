package io.meridian.gateway.auth;

/** One SASL exchange on one stream; each message from the client gives the next step. */
public interface SaslServer {

	/** @param response the client's data, already base64-decoded ({@code <auth/>} content first) */
	SaslStep evaluate(byte[] response);

}
