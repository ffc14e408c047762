package io.meridian.gateway.auth;

import java.util.Optional;

/** Looks up the stored credentials of an account. */
public interface CredentialStore {

	/**
	 * @param username the account's local part, case-folded
	 * @param domain the account's domain, case-folded
	 * @param hash the SCRAM hash wanted
	 * @return the credentials, empty when the account does not exist or is disabled
	 */
	Optional<ScramCredentials> credentials(String username, String domain, ScramHash hash);

}
