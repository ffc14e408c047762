package io.meridian.bench.xmppload.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;

/**
 * The client side of SCRAM (RFC 5802; SCRAM-SHA-256 per RFC 7677) without channel binding
 * ({@code n,,}): client-first, client-final with the proof, and the check of the server's
 * signature in {@code <success/>}. The password is normalized with NFKC, which is what SASLprep
 * does to the ASCII passwords a benchmark uses.
 */
public final class ScramClient implements SaslClient {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String GS2_HEADER = "n,,";

	private final ScramHash hash;

	private final String username;

	private final String password;

	private final String clientNonce;

	private final SaltedPasswordCache cache;

	private String clientFirstBare;

	private byte[] expectedServerSignature;

	private int iterations;

	public ScramClient(ScramHash hash, String username, String password, SaltedPasswordCache cache) {
		this(hash, username, password, newNonce(), cache);
	}

	/** With a given client nonce: for the RFC test vectors. */
	public ScramClient(ScramHash hash, String username, String password, String clientNonce, SaltedPasswordCache cache) {
		this.hash = hash;
		this.username = username;
		this.password = password;
		this.clientNonce = clientNonce;
		this.cache = cache;
	}

	@Override
	public String mechanism() {
		return this.hash.mechanism();
	}

	@Override
	public byte[] initialResponse() {
		this.clientFirstBare = "n=" + saslName(this.username) + ",r=" + this.clientNonce;
		return (GS2_HEADER + this.clientFirstBare).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public byte[] evaluateChallenge(byte[] challenge) {
		if (this.clientFirstBare == null) {
			throw new SaslException("challenge before the client-first-message");
		}
		if (this.expectedServerSignature != null) {
			throw new SaslException("unexpected second challenge");
		}
		String serverFirst = new String(challenge, StandardCharsets.UTF_8);
		if (serverFirst.startsWith("m=")) {
			throw new SaslException("server requires an unsupported SCRAM extension");
		}
		String nonce = attribute(serverFirst, 'r');
		String salt = attribute(serverFirst, 's');
		String count = attribute(serverFirst, 'i');
		if (nonce == null || salt == null || count == null) {
			throw new SaslException("server-first-message lacks r, s or i: " + serverFirst);
		}
		if (!nonce.startsWith(this.clientNonce) || nonce.length() == this.clientNonce.length()) {
			throw new SaslException("server nonce does not extend the client nonce");
		}
		try {
			this.iterations = Integer.parseInt(count);
		}
		catch (NumberFormatException ex) {
			throw new SaslException("bad iteration count " + count);
		}
		if (this.iterations < 1) {
			throw new SaslException("bad iteration count " + count);
		}
		byte[] saltBytes;
		try {
			saltBytes = Base64.getDecoder().decode(salt);
		}
		catch (IllegalArgumentException ex) {
			throw new SaslException("salt is not base64");
		}
		byte[] saltedPassword = this.cache.saltedPassword(this.hash, Normalizer.normalize(this.password, Normalizer.Form.NFKC), saltBytes,
				this.iterations);
		byte[] clientKey = this.hash.hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII));
		byte[] storedKey = this.hash.hash(clientKey);
		String channelBinding = Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII));
		String withoutProof = "c=" + channelBinding + ",r=" + nonce;
		byte[] authMessage = (this.clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
		byte[] clientSignature = this.hash.hmac(storedKey, authMessage);
		byte[] proof = new byte[clientKey.length];
		for (int i = 0; i < proof.length; i++) {
			proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
		}
		byte[] serverKey = this.hash.hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
		this.expectedServerSignature = this.hash.hmac(serverKey, authMessage);
		return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void verifySuccess(byte[] additionalData) {
		if (this.expectedServerSignature == null) {
			throw new SaslException("success before the client-final-message");
		}
		String serverFinal = new String(additionalData, StandardCharsets.UTF_8);
		String error = attribute(serverFinal, 'e');
		if (error != null) {
			throw new SaslException("server-final-message error: " + error);
		}
		String verifier = attribute(serverFinal, 'v');
		if (verifier == null) {
			throw new SaslException("server-final-message lacks v=");
		}
		byte[] signature;
		try {
			signature = Base64.getDecoder().decode(verifier);
		}
		catch (IllegalArgumentException ex) {
			throw new SaslException("server signature is not base64");
		}
		if (!MessageDigest.isEqual(signature, this.expectedServerSignature)) {
			throw new SaslException("server signature does not match: the server does not know the password");
		}
	}

	/** The iteration count the server asked for, once its challenge arrived. */
	public int iterations() {
		return this.iterations;
	}

	static String saslName(String username) {
		return username.replace("=", "=3D").replace(",", "=2C");
	}

	static String attribute(String message, char name) {
		int at = 0;
		while (at < message.length()) {
			int comma = message.indexOf(',', at);
			int end = (comma < 0) ? message.length() : comma;
			if (end - at >= 2 && message.charAt(at) == name && message.charAt(at + 1) == '=') {
				return message.substring(at + 2, end);
			}
			at = end + 1;
		}
		return null;
	}

	private static String newNonce() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace(',', '.');
	}

}
