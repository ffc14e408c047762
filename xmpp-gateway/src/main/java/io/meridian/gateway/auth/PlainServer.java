package io.meridian.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** SASL PLAIN (RFC 4616), checked against the stored SCRAM-SHA-256 credentials. Offered only over TLS. */
final class PlainServer implements SaslServer {

	private final CredentialStore store;

	private final String domain;

	PlainServer(CredentialStore store, String domain) {
		this.store = store;
		this.domain = domain;
	}

	@Override
	public SaslStep evaluate(byte[] response) {
		String message = new String(response, StandardCharsets.UTF_8);
		String[] parts = message.split("\0", -1);
		if (parts.length != 3 || parts[1].isEmpty()) {
			return new SaslStep.Failure(SaslCondition.MALFORMED_REQUEST, "PLAIN message is not authzid NUL authcid NUL password");
		}
		String username = parts[1].toLowerCase(Locale.ROOT);
		String authzid = parts[0];
		if (!authzid.isEmpty() && !authzid.equalsIgnoreCase(username + "@" + this.domain)) {
			return new SaslStep.Failure(SaslCondition.INVALID_AUTHZID, "authzid " + authzid + " is not the authenticated user");
		}
		Optional<CredentialStore.Stored> credentials = this.store.credentials(username, this.domain, ScramHash.SHA_256);
		if (credentials.isEmpty() || !credentials.get().scram().matches(parts[2])) {
			return new SaslStep.Failure(SaslCondition.NOT_AUTHORIZED, "wrong user or password for " + username + "@" + this.domain);
		}
		return credentials.get().proven(username, this.domain, null);
	}

}
