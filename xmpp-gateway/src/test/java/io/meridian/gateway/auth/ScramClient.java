package io.meridian.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** The client side of RFC 5802, written from the RFC for the tests, with or without channel binding. */
public final class ScramClient {

	private final ScramHash hash;

	private final String user;

	private final String password;

	private final String clientFirstBare;

	private final String gs2Header;

	private final byte[] bindingData;

	private byte[] serverSignature;

	public ScramClient(ScramHash hash, String user, String password) {
		this(hash, user, password, "n,,", new byte[0]);
	}

	public ScramClient(ScramHash hash, String user, String password, String gs2Header, byte[] bindingData) {
		this.hash = hash;
		this.user = user;
		this.password = password;
		this.clientFirstBare = "n=" + user + ",r=fyko+d2lbbFgONRv9qkxdawL";
		this.gs2Header = gs2Header;
		this.bindingData = bindingData;
	}

	public byte[] first() {
		return (this.gs2Header + this.clientFirstBare).getBytes(StandardCharsets.UTF_8);
	}

	public byte[] last(byte[] serverFirstBytes) {
		String serverFirst = new String(serverFirstBytes, StandardCharsets.UTF_8);
		String nonce = ScramServer.attribute(serverFirst, 'r');
		byte[] salt = Base64.getDecoder().decode(ScramServer.attribute(serverFirst, 's'));
		int iterations = Integer.parseInt(ScramServer.attribute(serverFirst, 'i'));
		byte[] header = this.gs2Header.getBytes(StandardCharsets.UTF_8);
		byte[] binding = Arrays.copyOf(header, header.length + this.bindingData.length);
		System.arraycopy(this.bindingData, 0, binding, header.length, this.bindingData.length);
		String withoutProof = "c=" + Base64.getEncoder().encodeToString(binding) + ",r=" + nonce;
		byte[] authMessage = (this.clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
		byte[] salted = this.hash.hi(this.password.getBytes(StandardCharsets.UTF_8), salt, iterations);
		byte[] clientKey = this.hash.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
		byte[] signature = this.hash.hmac(this.hash.hash(clientKey), authMessage);
		byte[] proof = new byte[clientKey.length];
		for (int i = 0; i < proof.length; i++) {
			proof[i] = (byte) (clientKey[i] ^ signature[i]);
		}
		this.serverSignature = this.hash.hmac(this.hash.hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII)), authMessage);
		return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
	}

	public boolean verifies(byte[] serverFinal) {
		return new String(serverFinal, StandardCharsets.UTF_8).equals("v=" + Base64.getEncoder().encodeToString(this.serverSignature));
	}

}
