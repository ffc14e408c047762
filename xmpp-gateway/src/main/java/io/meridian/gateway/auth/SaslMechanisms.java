package io.meridian.gateway.auth;

import java.util.List;

/** The SASL mechanisms this server offers, strongest first; PLAIN only on encrypted streams. */
public final class SaslMechanisms {

	public static final String PLAIN = "PLAIN";

	private final CredentialStore store;

	private final int iterations;

	public SaslMechanisms(CredentialStore store, int iterations) {
		this.store = store;
		this.iterations = iterations;
	}

	public List<String> offered(boolean encrypted) {
		return encrypted ? List.of(ScramHash.SHA_256.mechanism(), ScramHash.SHA_1.mechanism(), PLAIN)
				: List.of(ScramHash.SHA_256.mechanism(), ScramHash.SHA_1.mechanism());
	}

	/** A new exchange, or null when the mechanism is not offered on this stream. */
	public SaslServer start(String mechanism, String domain, boolean encrypted) {
		if (mechanism == null || !offered(encrypted).contains(mechanism)) {
			return null;
		}
		return switch (mechanism) {
			case "SCRAM-SHA-256" -> new ScramServer(ScramHash.SHA_256, this.store, domain, this.iterations);
			case "SCRAM-SHA-1" -> new ScramServer(ScramHash.SHA_1, this.store, domain, this.iterations);
			default -> new PlainServer(this.store, domain);
		};
	}

	/** Whether the mechanism exists but this stream is not encrypted enough for it. */
	public boolean needsEncryption(String mechanism, boolean encrypted) {
		return !encrypted && PLAIN.equals(mechanism);
	}

}
