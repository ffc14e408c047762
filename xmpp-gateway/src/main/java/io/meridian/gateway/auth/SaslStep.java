package io.meridian.gateway.auth;

/** What a SASL exchange answers to one client message. */
public sealed interface SaslStep {

	/** Send a challenge and wait for the client's response. */
	record Challenge(byte[] data) implements SaslStep {
	}

	/**
	 * Authenticated.
	 *
	 * @param username the account's local part, as stored
	 * @param additionalData data to send with {@code <success/>}, or null
	 */
	record Success(String username, byte[] additionalData) implements SaslStep {
	}

	/**
	 * Refused.
	 *
	 * @param condition the RFC 6120 condition
	 * @param reason for the operator's log, never sent to the client
	 */
	record Failure(SaslCondition condition, String reason) implements SaslStep {
	}

}
