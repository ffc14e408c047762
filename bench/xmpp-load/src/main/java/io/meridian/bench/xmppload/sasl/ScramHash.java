package io.meridian.bench.xmppload.sasl;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The hash behind a SCRAM mechanism: H, HMAC and Hi (PBKDF2) of RFC 5802 section 2.2. */
public enum ScramHash {

	SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1", "PBKDF2WithHmacSHA1", 20),

	SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 32);

	private final String mechanism;

	private final String digest;

	private final String mac;

	private final String pbkdf2;

	private final int length;

	ScramHash(String mechanism, String digest, String mac, String pbkdf2, int length) {
		this.mechanism = mechanism;
		this.digest = digest;
		this.mac = mac;
		this.pbkdf2 = pbkdf2;
		this.length = length;
	}

	public String mechanism() {
		return this.mechanism;
	}

	public byte[] hash(byte[] data) {
		try {
			return MessageDigest.getInstance(this.digest).digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(this.mac);
			mac.init(new SecretKeySpec(key, this.mac));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Hi(password, salt, i): PBKDF2 with this HMAC, one block. The JDK feeds the password as UTF-8. */
	public byte[] hi(String normalizedPassword, byte[] salt, int iterations) {
		try {
			PBEKeySpec spec = new PBEKeySpec(normalizedPassword.toCharArray(), salt, iterations, this.length * 8);
			return SecretKeyFactory.getInstance(this.pbkdf2).generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static ScramHash forMechanism(String mechanism) {
		for (ScramHash hash : values()) {
			if (hash.mechanism.equals(mechanism)) {
				return hash;
			}
		}
		return null;
	}

}
