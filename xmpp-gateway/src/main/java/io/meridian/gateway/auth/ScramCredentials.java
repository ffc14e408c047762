package io.meridian.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * What the server keeps of a password for one SCRAM hash: never the password itself.
 *
 * @param hash the hash function
 * @param salt random salt
 * @param iterations PBKDF2 iteration count
 * @param storedKey H(ClientKey)
 * @param serverKey HMAC(SaltedPassword, "Server Key")
 */
public record ScramCredentials(ScramHash hash, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Derives credentials from a password (already SASLprepped) with a fresh random salt. */
	public static ScramCredentials derive(ScramHash hash, String password, int iterations) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return derive(hash, password, salt, iterations);
	}

	static ScramCredentials derive(ScramHash hash, String password, byte[] salt, int iterations) {
		byte[] salted = hash.hi(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
		byte[] clientKey = hash.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
		byte[] serverKey = hash.hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
		return new ScramCredentials(hash, salt, iterations, hash.hash(clientKey), serverKey);
	}

	/** Whether a password matches, in constant time (for PLAIN). */
	public boolean matches(String password) {
		ScramCredentials candidate = derive(this.hash, password, this.salt, this.iterations);
		return MessageDigest.isEqual(candidate.storedKey, this.storedKey);
	}

}
