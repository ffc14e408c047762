package io.meridian.gateway.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hash functions SCRAM runs on (RFC 5802, RFC 7677), with its primitives Hi, HMAC and H. */
public enum ScramHash {

	SHA_1("SCRAM-SHA-1", "HmacSHA1", "SHA-1"), SHA_256("SCRAM-SHA-256", "HmacSHA256", "SHA-256");

	private final String mechanism;

	private final String mac;

	private final String digest;

	ScramHash(String mechanism, String mac, String digest) {
		this.mechanism = mechanism;
		this.mac = mac;
		this.digest = digest;
	}

	public String mechanism() {
		return this.mechanism;
	}

	/** The variant with channel binding (RFC 5802 §4). */
	public String plusMechanism() {
		return this.mechanism + "-PLUS";
	}

	byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac m = Mac.getInstance(this.mac);
			m.init(new SecretKeySpec(key, this.mac));
			return m.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(this.mac + " unavailable", ex);
		}
	}

	byte[] hash(byte[] data) {
		try {
			return MessageDigest.getInstance(this.digest).digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(this.digest + " unavailable", ex);
		}
	}

	/** Hi(password, salt, i): PBKDF2 with this HMAC and one block. */
	byte[] hi(byte[] password, byte[] salt, int iterations) {
		try {
			Mac m = Mac.getInstance(this.mac);
			m.init(new SecretKeySpec(password, this.mac));
			m.update(salt);
			byte[] u = m.doFinal(new byte[] { 0, 0, 0, 1 });
			byte[] result = u.clone();
			for (int i = 1; i < iterations; i++) {
				u = m.doFinal(u);
				for (int j = 0; j < result.length; j++) {
					result[j] ^= u[j];
				}
			}
			return result;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(this.mac + " unavailable", ex);
		}
	}

}
