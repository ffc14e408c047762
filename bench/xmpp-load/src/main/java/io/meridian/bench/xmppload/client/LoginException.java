package io.meridian.bench.xmppload.client;

/** Why a connection did not get online, or why it dropped. */
public class LoginException extends RuntimeException {

	public LoginException(String message) {
		super(message, null, false, false);
	}

}
