package io.meridian.gateway.auth;

import java.util.Optional;

/** Looks up the stored credentials of an account. */
public interface CredentialStore {

	/**
	 * @param username the account's local part, case-folded
	 * @param domain the account's domain, case-folded
	 * @param hash the SCRAM hash wanted
	 * @return the credentials, empty when the account does not exist
	 */
	Optional<ScramCredentials> credentials(String username, String domain, ScramHash hash);

	/** Whether the account is banned; asked only once the client has proven its password. A store without bans never is. */
	default boolean isDisabled(String username, String domain) {
		return false;
	}

	/** What a client that has proven its password gets: success, or account-disabled when it is banned. */
	default SaslStep proven(String username, String domain, byte[] additionalData) {
		if (isDisabled(username, domain)) {
			return new SaslStep.Failure(SaslCondition.ACCOUNT_DISABLED, username + "@" + domain + " is banned");
		}
		return new SaslStep.Success(username, additionalData);
	}

}
