package io.meridian.admin.backend;

/** The services admin-api drives, each over a gRPC channel of its own. */
public enum Backend {

	/** Accounts, sessions and stanzas: {@code meridian.gateway.v1}. */
	GATEWAY("gateway"),

	/** Dynamic domains: {@code meridian.domains.v1}. */
	DOMAIN_SERVICE("domain-service");

	private final String displayName;

	Backend(String displayName) {
		this.displayName = displayName;
	}

	/** The name in messages, in {@code GET /status} and in {@code meridian.admin.<name>.*}. */
	public String displayName() {
		return this.displayName;
	}

}
