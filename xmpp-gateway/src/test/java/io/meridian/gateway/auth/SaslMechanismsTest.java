package io.meridian.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SaslMechanismsTest {

	private final Map<String, String> passwords = Map.of("juliet", "r0m€o,=pass", "tybalt", "sword");

	/** Tybalt is banned. */
	private final CredentialStore store = (user, domain, hash) -> domain.equals("localhost")
			? Optional.ofNullable(this.passwords.get(user))
				.map(p -> new CredentialStore.Stored(ScramCredentials.derive(hash, p, 4096), user.equals("tybalt")))
			: Optional.empty();

	private final SaslMechanisms mechanisms = new SaslMechanisms(this.store, 4096);

	@Test
	void offersPlainOnlyOnEncryptedStreams() {
		assertThat(this.mechanisms.offered(false)).containsExactly("SCRAM-SHA-256", "SCRAM-SHA-1");
		assertThat(this.mechanisms.offered(true)).containsExactly("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
		assertThat(this.mechanisms.start("PLAIN", "localhost", false)).isNull();
		assertThat(this.mechanisms.needsEncryption("PLAIN", false)).isTrue();
		assertThat(this.mechanisms.start("DIGEST-MD5", "localhost", true)).isNull();
	}

	@Test
	void scramSha256AndSha1AuthenticateTheRightPasswordAndProveTheServer() {
		for (ScramHash hash : ScramHash.values()) {
			ScramClient client = new ScramClient(hash, "Juliet", "r0m€o,=pass");
			SaslServer server = this.mechanisms.start(hash.mechanism(), "localhost", false);
			SaslStep first = server.evaluate(client.first());
			assertThat(first).isInstanceOf(SaslStep.Challenge.class);
			SaslStep last = server.evaluate(client.last(((SaslStep.Challenge) first).data()));
			assertThat(last).isInstanceOfSatisfying(SaslStep.Success.class, success -> {
				assertThat(success.username()).isEqualTo("juliet");
				assertThat(client.verifies(success.additionalData())).as("server signature").isTrue();
			});
		}
	}

	@Test
	void scramRefusesAWrongPasswordAndAnUnknownUserAlike() {
		for (String[] attempt : new String[][] { { "juliet", "wrong" }, { "nobody", "r0m€o,=pass" } }) {
			ScramClient client = new ScramClient(ScramHash.SHA_256, attempt[0], attempt[1]);
			SaslServer server = this.mechanisms.start("SCRAM-SHA-256", "localhost", false);
			SaslStep first = server.evaluate(client.first());
			assertThat(first).as("an unknown user still gets a challenge").isInstanceOf(SaslStep.Challenge.class);
			assertThat(server.evaluate(client.last(((SaslStep.Challenge) first).data())))
				.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.NOT_AUTHORIZED));
		}
	}

	@Test
	void aBannedAccountHearsItIsDisabledOnlyAfterProvingItsPassword() {
		ScramClient client = new ScramClient(ScramHash.SHA_256, "tybalt", "sword");
		SaslServer server = this.mechanisms.start("SCRAM-SHA-256", "localhost", false);
		SaslStep first = server.evaluate(client.first());
		assertThat(server.evaluate(client.last(((SaslStep.Challenge) first).data())))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.ACCOUNT_DISABLED));
		assertThat(this.mechanisms.start("PLAIN", "localhost", true).evaluate("\0tybalt\0wrong".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.NOT_AUTHORIZED));
		assertThat(this.mechanisms.start("PLAIN", "localhost", true).evaluate("\0tybalt\0sword".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.ACCOUNT_DISABLED));
	}

	@Test
	void scramRejectsChannelBindingAndGarbage() {
		SaslServer server = this.mechanisms.start("SCRAM-SHA-1", "localhost", false);
		assertThat(server.evaluate("p=tls-unique,,n=juliet,r=abc".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new SaslStep.Failure(SaslCondition.MECHANISM_TOO_WEAK, "channel binding requested on a mechanism without -PLUS"));
		assertThat(this.mechanisms.start("SCRAM-SHA-1", "localhost", false).evaluate("hello".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.MALFORMED_REQUEST));
	}

	@Test
	void plainChecksThePasswordAgainstTheStoredScramKeys() {
		assertThat(this.mechanisms.start("PLAIN", "localhost", true).evaluate("\0juliet\0r0m€o,=pass".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(SaslStep.Success.class);
		assertThat(this.mechanisms.start("PLAIN", "localhost", true).evaluate("\0juliet\0nope".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.NOT_AUTHORIZED));
		assertThat(this.mechanisms.start("PLAIN", "localhost", true).evaluate("juliet".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.MALFORMED_REQUEST));
	}

	/** The client side of RFC 5802, written from the RFC for this test. */
	static final class ScramClient {

		private final ScramHash hash;

		private final String user;

		private final String password;

		private final String clientFirstBare;

		private byte[] serverSignature;

		ScramClient(ScramHash hash, String user, String password) {
			this.hash = hash;
			this.user = user;
			this.password = password;
			this.clientFirstBare = "n=" + user + ",r=fyko+d2lbbFgONRv9qkxdawL";
		}

		byte[] first() {
			return ("n,," + this.clientFirstBare).getBytes(StandardCharsets.UTF_8);
		}

		byte[] last(byte[] serverFirstBytes) {
			String serverFirst = new String(serverFirstBytes, StandardCharsets.UTF_8);
			String nonce = ScramServer.attribute(serverFirst, 'r');
			byte[] salt = Base64.getDecoder().decode(ScramServer.attribute(serverFirst, 's'));
			int iterations = Integer.parseInt(ScramServer.attribute(serverFirst, 'i'));
			String withoutProof = "c=" + Base64.getEncoder().encodeToString("n,,".getBytes(StandardCharsets.UTF_8)) + ",r=" + nonce;
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

		boolean verifies(byte[] serverFinal) {
			return new String(serverFinal, StandardCharsets.UTF_8).equals("v=" + Base64.getEncoder().encodeToString(this.serverSignature));
		}

	}

}
