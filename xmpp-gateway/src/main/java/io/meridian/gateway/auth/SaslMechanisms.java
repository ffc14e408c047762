package io.meridian.gateway.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * The SASL mechanisms this server offers, strongest first: the SCRAM -PLUS variants when the
 * stream has a channel binding to prove, then SCRAM, then PLAIN only on encrypted streams.
 */
public final class SaslMechanisms {

	public static final String PLAIN = "PLAIN";

	private final CredentialStore store;

	private final int iterations;

	public SaslMechanisms(CredentialStore store, int iterations) {
		this.store = store;
		this.iterations = iterations;
	}

	/**
	 * @param encrypted whether the stream runs over TLS
	 * @param binding the stream's channel binding, or null when it has none
	 */
	public List<String> offered(boolean encrypted, ChannelBinding binding) {
		List<String> offered = new ArrayList<>(5);
		if (binding != null) {
			offered.add(ScramHash.SHA_256.plusMechanism());
			offered.add(ScramHash.SHA_1.plusMechanism());
		}
		offered.add(ScramHash.SHA_256.mechanism());
		offered.add(ScramHash.SHA_1.mechanism());
		if (encrypted) {
			offered.add(PLAIN);
		}
		return offered;
	}

	/** A new exchange, or null when the mechanism is not offered on this stream. */
	public SaslServer start(String mechanism, String domain, boolean encrypted, ChannelBinding binding) {
		if (mechanism == null || !offered(encrypted, binding).contains(mechanism)) {
			return null;
		}
		if (mechanism.equals(PLAIN)) {
			return new PlainServer(this.store, domain);
		}
		for (ScramHash hash : ScramHash.values()) {
			if (mechanism.equals(hash.plusMechanism())) {
				return new ScramServer(hash, this.store, domain, this.iterations, binding, true);
			}
		}
		ScramHash hash = mechanism.equals(ScramHash.SHA_256.mechanism()) ? ScramHash.SHA_256 : ScramHash.SHA_1;
		return new ScramServer(hash, this.store, domain, this.iterations, binding, false);
	}

	/** Whether the mechanism exists but this stream is not encrypted enough for it. */
	public boolean needsEncryption(String mechanism, boolean encrypted) {
		return !encrypted && PLAIN.equals(mechanism);
	}

}
