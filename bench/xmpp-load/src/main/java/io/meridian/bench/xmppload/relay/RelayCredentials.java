package io.meridian.bench.xmppload.relay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import io.meridian.bench.xmppload.sasl.ScramHash;

/**
 * SCRAM keys for any user name with the one configured password, under a salt of its own per
 * user (as a real server's accounts have), derived on first use and kept, as a server keeps
 * them from registration on.
 */
final class RelayCredentials {

	record Keys(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
	}

	private final String password;

	private final int iterations;

	private final ConcurrentHashMap<String, Keys> keys = new ConcurrentHashMap<>();

	RelayCredentials(String password, int iterations) {
		this.password = password;
		this.iterations = iterations;
	}

	String password() {
		return this.password;
	}

	Keys keys(ScramHash hash, String user) {
		return this.keys.computeIfAbsent(hash.name() + ":" + user, k -> {
			byte[] salt = Arrays.copyOf(ScramHash.SHA_256.hash(("relay-salt:" + user).getBytes(StandardCharsets.UTF_8)), 16);
			byte[] salted = hash.hi(this.password, salt, this.iterations);
			byte[] clientKey = hash.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
			return new Keys(salt, this.iterations, hash.hash(clientKey), hash.hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII)));
		});
	}

}
