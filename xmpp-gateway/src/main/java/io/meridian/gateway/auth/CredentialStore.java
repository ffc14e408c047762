package io.meridian.gateway.auth;

import java.util.Optional;

/** Looks up the stored credentials of an account. */
public interface CredentialStore {

	/**
	 * @param username the account's local part, case-folded
	 * @param domain the account's domain, case-folded
	 * @param hash the SCRAM hash wanted
	 * @return the credentials and whether the account is banned, empty when the account does not exist
	 */
	Optional<Stored> credentials(String username, String domain, ScramHash hash);

	/**
	 * What one lookup finds: a banned account keeps its credentials, so that only a client
	 * with the right password hears that it is banned.
	 *
	 * @param scram the SCRAM keys
	 * @param disabled whether the account is banned
	 */
	record Stored(ScramCredentials scram, boolean disabled) {

		/** What a client that has proven its password gets: success, or account-disabled when it is banned. */
		SaslStep proven(String username, String domain, byte[] additionalData) {
			if (this.disabled) {
				return new SaslStep.Failure(SaslCondition.ACCOUNT_DISABLED, username + "@" + domain + " is banned");
			}
			return new SaslStep.Success(username, additionalData);
		}

	}

}
