package io.meridian.bench.xmppload.sasl;

import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * SaltedPassword by (hash, password, salt, iterations), as RFC 5802 section 5.1 lets a client
 * keep it: a reconnecting real client does not run PBKDF2 again, and neither should the load
 * tool, whose own PBKDF2 would otherwise cap the login rate it can offer. Counts misses, so a
 * report can say how many logins paid for Hi on the client side.
 */
public final class SaltedPasswordCache {

	private final ConcurrentHashMap<String, byte[]> salted = new ConcurrentHashMap<>();

	private final LongAdder misses = new LongAdder();

	private final boolean enabled;

	public SaltedPasswordCache(boolean enabled) {
		this.enabled = enabled;
	}

	byte[] saltedPassword(ScramHash hash, String normalizedPassword, byte[] salt, int iterations) {
		if (!this.enabled) {
			this.misses.increment();
			return hash.hi(normalizedPassword, salt, iterations);
		}
		String key = hash.name() + '\0' + iterations + '\0' + Base64.getEncoder().encodeToString(salt) + '\0' + normalizedPassword;
		return this.salted.computeIfAbsent(key, k -> {
			this.misses.increment();
			return hash.hi(normalizedPassword, salt, iterations);
		});
	}

	public long misses() {
		return this.misses.sum();
	}

}
