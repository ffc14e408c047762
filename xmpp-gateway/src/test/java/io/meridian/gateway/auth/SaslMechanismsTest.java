package io.meridian.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;

class SaslMechanismsTest {

	private final Map<String, String> passwords = Map.of("juliet", "r0m€o,=pass", "tybalt", "sword");

	/** Tybalt is banned. */
	private final CredentialStore store = (user, domain, hash) -> domain.equals("localhost")
			? Optional.ofNullable(this.passwords.get(user))
				.map(p -> new CredentialStore.Stored(ScramCredentials.derive(hash, p, 4096), user.equals("tybalt")))
			: Optional.empty();

	private final SaslMechanisms mechanisms = new SaslMechanisms(this.store, 4096);

	private static final ChannelBinding BINDING = new ChannelBinding("tls-server-end-point", new byte[] { 1, 2, 3, 4 });

	@Test
	void offersPlainOnlyOnEncryptedStreams() {
		assertThat(this.mechanisms.offered(false, null)).containsExactly("SCRAM-SHA-256", "SCRAM-SHA-1");
		assertThat(this.mechanisms.offered(true, null)).containsExactly("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
		assertThat(this.mechanisms.start("PLAIN", "localhost", false, null)).isNull();
		assertThat(this.mechanisms.needsEncryption("PLAIN", false)).isTrue();
		assertThat(this.mechanisms.start("DIGEST-MD5", "localhost", true, null)).isNull();
	}

	@Test
	void scramSha256AndSha1AuthenticateTheRightPasswordAndProveTheServer() {
		for (ScramHash hash : ScramHash.values()) {
			ScramClient client = new ScramClient(hash, "Juliet", "r0m€o,=pass");
			SaslServer server = this.mechanisms.start(hash.mechanism(), "localhost", false, null);
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
			SaslServer server = this.mechanisms.start("SCRAM-SHA-256", "localhost", false, null);
			SaslStep first = server.evaluate(client.first());
			assertThat(first).as("an unknown user still gets a challenge").isInstanceOf(SaslStep.Challenge.class);
			assertThat(server.evaluate(client.last(((SaslStep.Challenge) first).data())))
				.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.NOT_AUTHORIZED));
		}
	}

	@Test
	void aBannedAccountHearsItIsDisabledOnlyAfterProvingItsPassword() {
		ScramClient client = new ScramClient(ScramHash.SHA_256, "tybalt", "sword");
		SaslServer server = this.mechanisms.start("SCRAM-SHA-256", "localhost", false, null);
		SaslStep first = server.evaluate(client.first());
		assertThat(server.evaluate(client.last(((SaslStep.Challenge) first).data())))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.ACCOUNT_DISABLED));
		assertThat(this.mechanisms.start("PLAIN", "localhost", true, null).evaluate("\0tybalt\0wrong".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.NOT_AUTHORIZED));
		assertThat(this.mechanisms.start("PLAIN", "localhost", true, null).evaluate("\0tybalt\0sword".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.ACCOUNT_DISABLED));
	}

	@Test
	void scramRejectsChannelBindingAndGarbage() {
		SaslServer server = this.mechanisms.start("SCRAM-SHA-1", "localhost", false, null);
		assertThat(server.evaluate("p=tls-unique,,n=juliet,r=abc".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(new SaslStep.Failure(SaslCondition.MECHANISM_TOO_WEAK, "channel binding requested on a mechanism without -PLUS"));
		assertThat(this.mechanisms.start("SCRAM-SHA-1", "localhost", false, null).evaluate("hello".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.MALFORMED_REQUEST));
	}

	@Test
	void plainChecksThePasswordAgainstTheStoredScramKeys() {
		assertThat(this.mechanisms.start("PLAIN", "localhost", true, null).evaluate("\0juliet\0r0m€o,=pass".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(SaslStep.Success.class);
		assertThat(this.mechanisms.start("PLAIN", "localhost", true, null).evaluate("\0juliet\0nope".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.NOT_AUTHORIZED));
		assertThat(this.mechanisms.start("PLAIN", "localhost", true, null).evaluate("juliet".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.MALFORMED_REQUEST));
	}

	@Test
	void plusMechanismsAreOfferedFirstWhenTheStreamHasAChannelBinding() {
		assertThat(this.mechanisms.offered(true, BINDING))
			.containsExactly("SCRAM-SHA-256-PLUS", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
		assertThat(this.mechanisms.start("SCRAM-SHA-1-PLUS", "localhost", true, null)).as("no binding, no -PLUS").isNull();
	}

	@Test
	void scramPlusAuthenticatesAClientThatSawTheSameCertificate() {
		for (ScramHash hash : ScramHash.values()) {
			ScramClient client = new ScramClient(hash, "juliet", "r0m€o,=pass", "p=tls-server-end-point,,", BINDING.data());
			assertThat(exchange(hash.plusMechanism(), client)).isInstanceOfSatisfying(SaslStep.Success.class,
					success -> assertThat(client.verifies(success.additionalData())).isTrue());
		}
	}

	@Test
	void scramPlusRefusesAnotherCertificateAnotherBindingTypeAndNoBinding() {
		ScramClient manInTheMiddle = new ScramClient(ScramHash.SHA_256, "juliet", "r0m€o,=pass", "p=tls-server-end-point,,",
				"another certificate".getBytes(StandardCharsets.UTF_8));
		assertThat(exchange("SCRAM-SHA-256-PLUS", manInTheMiddle))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.NOT_AUTHORIZED));
		assertThat(this.mechanisms.start("SCRAM-SHA-256-PLUS", "localhost", true, BINDING)
			.evaluate("p=tls-unique,,n=juliet,r=abc".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.MALFORMED_REQUEST));
		assertThat(this.mechanisms.start("SCRAM-SHA-256-PLUS", "localhost", true, BINDING)
			.evaluate("n,,n=juliet,r=abc".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.MALFORMED_REQUEST));
	}

	@Test
	void aClientThatCouldBindButWasNotOfferedToIsRefusedAsADowngrade() {
		ScramClient stripped = new ScramClient(ScramHash.SHA_1, "juliet", "r0m€o,=pass", "y,,", new byte[0]);
		assertThat(this.mechanisms.start("SCRAM-SHA-1", "localhost", true, BINDING).evaluate(stripped.first()))
			.isInstanceOfSatisfying(SaslStep.Failure.class, f -> assertThat(f.condition()).isEqualTo(SaslCondition.NOT_AUTHORIZED));
		ScramClient withoutTls = new ScramClient(ScramHash.SHA_1, "juliet", "r0m€o,=pass", "y,,", new byte[0]);
		assertThat(exchange("SCRAM-SHA-1", withoutTls, false, null)).as("y is right where the server cannot bind")
			.isInstanceOf(SaslStep.Success.class);
	}

	@Test
	void theEndPointHashIsSha256OfTheCertificateForSha256Signatures() throws Exception {
		X509Certificate certificate = Mockito.mock(X509Certificate.class);
		Mockito.when(certificate.getSigAlgName()).thenReturn("SHA256withRSA");
		Mockito.when(certificate.getEncoded()).thenReturn("der".getBytes(StandardCharsets.UTF_8));
		assertThat(ChannelBinding.tlsServerEndPoint(certificate).data())
			.isEqualTo(MessageDigest.getInstance("SHA-256").digest("der".getBytes(StandardCharsets.UTF_8)));
		Mockito.when(certificate.getSigAlgName()).thenReturn("SHA384withECDSA");
		assertThat(ChannelBinding.tlsServerEndPoint(certificate).data())
			.isEqualTo(MessageDigest.getInstance("SHA-384").digest("der".getBytes(StandardCharsets.UTF_8)));
	}

	private SaslStep exchange(String mechanism, ScramClient client) {
		return exchange(mechanism, client, true, BINDING);
	}

	private SaslStep exchange(String mechanism, ScramClient client, boolean encrypted, ChannelBinding binding) {
		SaslServer server = this.mechanisms.start(mechanism, "localhost", encrypted, binding);
		SaslStep first = server.evaluate(client.first());
		assertThat(first).isInstanceOf(SaslStep.Challenge.class);
		return server.evaluate(client.last(((SaslStep.Challenge) first).data()));
	}

}
