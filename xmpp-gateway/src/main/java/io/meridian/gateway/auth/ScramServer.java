package io.meridian.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The server side of SCRAM (RFC 5802), with channel binding for the -PLUS variants. An unknown
 * user goes through the same exchange with a made-up salt and fails at the end, so the exchange
 * does not tell which accounts exist.
 */
final class ScramServer implements SaslServer {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ScramHash hash;

	private final CredentialStore store;

	private final String domain;

	private final int defaultIterations;

	/** The stream's channel binding, null when it has none (and no -PLUS is offered). */
	private final ChannelBinding binding;

	/** Whether this is a -PLUS exchange, which must bind to the channel. */
	private final boolean plus;

	private String clientFirstBare;

	private String serverFirst;

	private String nonce;

	private String gs2Header;

	private String username;

	private CredentialStore.Stored stored;

	ScramServer(ScramHash hash, CredentialStore store, String domain, int defaultIterations, ChannelBinding binding, boolean plus) {
		this.hash = hash;
		this.store = store;
		this.domain = domain;
		this.defaultIterations = defaultIterations;
		this.binding = binding;
		this.plus = plus;
	}

	@Override
	public SaslStep evaluate(byte[] response) {
		String message = new String(response, StandardCharsets.UTF_8);
		return (this.serverFirst == null) ? clientFirst(message) : clientFinal(message);
	}

	private SaslStep clientFirst(String message) {
		// gs2-header: "n,,", "y,," or "p=<type>,," (channel binding), optionally with "a=authzid"
		int second = nthComma(message, 2);
		if (message.isEmpty() || second < 0) {
			return malformed("client-first-message without gs2 header");
		}
		String flag = message.substring(0, message.indexOf(','));
		if (flag.startsWith("p=")) {
			if (!this.plus) {
				return new SaslStep.Failure(SaslCondition.MECHANISM_TOO_WEAK, "channel binding requested on a mechanism without -PLUS");
			}
			if (!flag.equals("p=" + this.binding.type())) {
				return malformed("unsupported channel binding type " + flag.substring(2) + "; this server binds to " + this.binding.type());
			}
		}
		else if (this.plus) {
			return malformed(this.hash.plusMechanism() + " needs channel binding, the gs2 header has " + flag);
		}
		else if (flag.equals("y") && this.binding != null) {
			// RFC 5802 §6: the client could bind but believes this server cannot; someone
			// removed the -PLUS mechanisms from the features on the way.
			return new SaslStep.Failure(SaslCondition.NOT_AUTHORIZED, "client supports channel binding the server offered: downgrade");
		}
		else if (!flag.equals("n") && !flag.equals("y")) {
			return malformed("bad gs2 channel binding flag");
		}
		String authzid = message.substring(message.indexOf(',') + 1, second);
		this.gs2Header = message.substring(0, second + 1);
		this.clientFirstBare = message.substring(second + 1);
		String name = attribute(this.clientFirstBare, 'n');
		String clientNonce = attribute(this.clientFirstBare, 'r');
		if (name == null || clientNonce == null || clientNonce.isEmpty() || this.clientFirstBare.startsWith("m=")) {
			return malformed("client-first-message lacks n= or r=");
		}
		this.username = decodeName(name);
		if (this.username == null) {
			return malformed("bad =2C/=3D escape in the user name");
		}
		this.username = this.username.toLowerCase(Locale.ROOT);
		if (!authzid.isEmpty() && !authzid.equals("a=" + this.username + "@" + this.domain)) {
			return new SaslStep.Failure(SaslCondition.INVALID_AUTHZID, "authzid " + authzid + " is not the authenticated user");
		}
		Optional<ScramCredentials> found = this.store.credentials(this.username, this.domain, this.hash).map(stored -> {
			this.stored = stored;
			return stored.scram();
		});
		byte[] salt = found.map(ScramCredentials::salt).orElseGet(this::fakeSalt);
		int iterations = found.map(ScramCredentials::iterations).orElse(this.defaultIterations);
		byte[] serverNonce = new byte[18];
		RANDOM.nextBytes(serverNonce);
		this.nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
		this.serverFirst = "r=" + this.nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
		return new SaslStep.Challenge(this.serverFirst.getBytes(StandardCharsets.UTF_8));
	}

	private SaslStep clientFinal(String message) {
		int proofAt = message.lastIndexOf(",p=");
		if (proofAt < 0) {
			return malformed("client-final-message lacks p=");
		}
		String withoutProof = message.substring(0, proofAt);
		String binding = attribute(message, 'c');
		String finalNonce = attribute(message, 'r');
		byte[] proof;
		try {
			proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
			if (binding == null || !MessageDigest.isEqual(Base64.getDecoder().decode(binding), expectedBinding())) {
				return this.plus ? new SaslStep.Failure(SaslCondition.NOT_AUTHORIZED, "channel binding data differs: not the channel the server sees")
						: malformed("channel binding data does not match the gs2 header");
			}
		}
		catch (IllegalArgumentException ex) {
			return new SaslStep.Failure(SaslCondition.INCORRECT_ENCODING, "bad base64 in client-final-message");
		}
		if (!this.nonce.equals(finalNonce)) {
			return malformed("nonce mismatch");
		}
		if (this.stored == null) {
			return new SaslStep.Failure(SaslCondition.NOT_AUTHORIZED, "no account " + this.username + "@" + this.domain);
		}
		byte[] authMessage = (this.clientFirstBare + "," + this.serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
		byte[] clientSignature = this.hash.hmac(this.stored.scram().storedKey(), authMessage);
		if (proof.length != clientSignature.length) {
			return new SaslStep.Failure(SaslCondition.NOT_AUTHORIZED, "wrong password for " + this.username + "@" + this.domain);
		}
		byte[] clientKey = new byte[proof.length];
		for (int i = 0; i < proof.length; i++) {
			clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
		}
		if (!MessageDigest.isEqual(this.hash.hash(clientKey), this.stored.scram().storedKey())) {
			return new SaslStep.Failure(SaslCondition.NOT_AUTHORIZED, "wrong password for " + this.username + "@" + this.domain);
		}
		byte[] serverSignature = this.hash.hmac(this.stored.scram().serverKey(), authMessage);
		String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
		return this.stored.proven(this.username, this.domain, serverFinal.getBytes(StandardCharsets.UTF_8));
	}

	/** The gs2 header, then the channel's binding data in a -PLUS exchange. */
	private byte[] expectedBinding() {
		byte[] header = this.gs2Header.getBytes(StandardCharsets.UTF_8);
		if (!this.plus) {
			return header;
		}
		byte[] expected = java.util.Arrays.copyOf(header, header.length + this.binding.data().length);
		System.arraycopy(this.binding.data(), 0, expected, header.length, this.binding.data().length);
		return expected;
	}

	private byte[] fakeSalt() {
		// Stable per user and domain, so probing twice does not reveal a missing account.
		byte[] digest = this.hash.hmac("meridian-unknown-user".getBytes(StandardCharsets.UTF_8),
				(this.username + "@" + this.domain).getBytes(StandardCharsets.UTF_8));
		return java.util.Arrays.copyOf(digest, 16);
	}

	private static SaslStep malformed(String reason) {
		return new SaslStep.Failure(SaslCondition.MALFORMED_REQUEST, reason);
	}

	private static int nthComma(String s, int n) {
		int at = -1;
		for (int i = 0; i < n; i++) {
			at = s.indexOf(',', at + 1);
			if (at < 0) {
				return -1;
			}
		}
		return at;
	}

	static String attribute(String message, char name) {
		for (String part : message.split(",")) {
			if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
				return part.substring(2);
			}
		}
		return null;
	}

	private static String decodeName(String name) {
		StringBuilder sb = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '=') {
				if (name.startsWith("=2C", i)) {
					sb.append(',');
				}
				else if (name.startsWith("=3D", i)) {
					sb.append('=');
				}
				else {
					return null;
				}
				i += 2;
			}
			else {
				sb.append(c);
			}
		}
		return sb.toString();
	}

}
