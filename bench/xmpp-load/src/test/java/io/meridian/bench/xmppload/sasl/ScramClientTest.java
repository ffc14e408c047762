package io.meridian.bench.xmppload.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exchanges of RFC 5802 section 5 (SCRAM-SHA-1) and RFC 7677 section 3 (SCRAM-SHA-256), byte for byte. */
class ScramClientTest {

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] b) {
		return new String(b, StandardCharsets.UTF_8);
	}

	@Test
	void rfc5802ScramSha1() {
		ScramClient client = new ScramClient(ScramHash.SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL", new SaltedPasswordCache(true));
		assertThat(text(client.initialResponse())).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
		byte[] clientFinal = client.evaluateChallenge(bytes("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"));
		assertThat(text(clientFinal)).isEqualTo("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
		assertThat(client.iterations()).isEqualTo(4096);
		client.verifySuccess(bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="));
	}

	@Test
	void rfc7677ScramSha256() {
		ScramClient client = new ScramClient(ScramHash.SHA_256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO", new SaltedPasswordCache(true));
		assertThat(text(client.initialResponse())).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
		byte[] clientFinal = client.evaluateChallenge(
				bytes("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
		assertThat(text(clientFinal))
			.isEqualTo("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
		client.verifySuccess(bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
	}

	@Test
	void aForgedServerSignatureIsRejected() {
		ScramClient client = new ScramClient(ScramHash.SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL", new SaltedPasswordCache(true));
		client.initialResponse();
		client.evaluateChallenge(bytes("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"));
		String forged = "v=" + Base64.getEncoder().encodeToString(new byte[20]);
		assertThatThrownBy(() -> client.verifySuccess(bytes(forged))).isInstanceOf(SaslException.class).hasMessageContaining("does not match");
		assertThatThrownBy(() -> client.verifySuccess(bytes("e=invalid-proof"))).hasMessageContaining("invalid-proof");
	}

	@Test
	void aServerNonceThatDoesNotExtendTheClientNonceIsRejected() {
		ScramClient client = new ScramClient(ScramHash.SHA_256, "user", "pencil", "abc", new SaltedPasswordCache(true));
		client.initialResponse();
		assertThatThrownBy(() -> client.evaluateChallenge(bytes("r=xyz123,s=QSXCR+Q6sek8bf92,i=4096"))).isInstanceOf(SaslException.class)
			.hasMessageContaining("nonce");
		ScramClient bare = new ScramClient(ScramHash.SHA_256, "user", "pencil", "abc", new SaltedPasswordCache(true));
		bare.initialResponse();
		assertThatThrownBy(() -> bare.evaluateChallenge(bytes("r=abc,s=QSXCR+Q6sek8bf92,i=4096"))).hasMessageContaining("nonce");
	}

	@Test
	void namesWithCommaAndEqualsAreEscaped() {
		ScramClient client = new ScramClient(ScramHash.SHA_1, "a,b=c", "p", "n0nce", new SaltedPasswordCache(true));
		assertThat(text(client.initialResponse())).isEqualTo("n,,n=a=2Cb=3Dc,r=n0nce");
	}

	@Test
	void theCacheRunsPbkdf2OncePerSaltAndCountsIt() {
		SaltedPasswordCache cache = new SaltedPasswordCache(true);
		for (int i = 0; i < 3; i++) {
			ScramClient client = new ScramClient(ScramHash.SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL", cache);
			client.initialResponse();
			client.evaluateChallenge(bytes("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"));
			client.verifySuccess(bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="));
		}
		assertThat(cache.misses()).isEqualTo(1);
		SaltedPasswordCache off = new SaltedPasswordCache(false);
		for (int i = 0; i < 2; i++) {
			ScramClient client = new ScramClient(ScramHash.SHA_1, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL", off);
			client.initialResponse();
			client.evaluateChallenge(bytes("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"));
		}
		assertThat(off.misses()).isEqualTo(2);
	}

	@Test
	void plainSendsNulSeparatedCredentials() {
		assertThat(new PlainClient("juliet", "r0m30").initialResponse()).isEqualTo(bytes("\0juliet\0r0m30"));
	}

}
