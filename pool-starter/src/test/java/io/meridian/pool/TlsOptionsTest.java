package io.meridian.pool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.meridian.pool.TlsOptions.VerifyMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TlsOptionsTest {

	@TempDir
	Path dir;

	@Test
	void defaultsVerifyThePeerAndItsNameOverTls12And13() {
		TlsOptions tls = TlsOptions.defaults();
		SSLParameters parameters = tls.sslParameters("db.example.com");
		assertThat(parameters.getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
		assertThat(parameters.getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
		assertThat(parameters.getServerNames()).containsExactly(new SNIHostName("db.example.com"));
		assertThat(tls.sslContext().getProtocol()).isEqualTo("TLS");
	}

	@Test
	void selfSignedPeerStillChecksTheNameAndNoneChecksNothing() {
		assertThat(options(VerifyMode.SELFSIGNED_PEER, true, null).sslParameters("h.example").getEndpointIdentificationAlgorithm())
			.isEqualTo("HTTPS");
		assertThat(options(VerifyMode.NONE, true, null).sslParameters("h.example").getEndpointIdentificationAlgorithm()).isNull();
	}

	@Test
	void serverNameIndicationCanBeTurnedOffOrRenamed() {
		assertThat(options(VerifyMode.PEER, false, null).sslParameters("h.example").getServerNames()).isEmpty();
		assertThat(options(VerifyMode.PEER, true, "cert.example").sslParameters("10.0.0.7").getServerNames())
			.containsExactly(new SNIHostName("cert.example"));
		// An address is never sent as a server name.
		assertThat(options(VerifyMode.PEER, true, null).sslParameters("10.0.0.7").getServerNames()).isEmpty();
	}

	@Test
	void refusesOldVersionsUnreadableFilesAndAHalfClientCertificate() throws Exception {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TlsOptions(null, null, null, null, null, true, null, List.of("TLSv1.1"), null))
			.withMessageContaining("'TLSv1.1' is not allowed");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TlsOptions(null, "/nonexistent/ca.pem", null, null, null, true, null, null, null))
			.withMessageContaining("cacertfile '/nonexistent/ca.pem' is not a readable file");
		Path cert = Files.writeString(this.dir.resolve("cert.pem"), "x");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TlsOptions(null, null, cert.toString(), null, null, true, null, null, null))
			.withMessageContaining("certfile and keyfile go together");
	}

	@Test
	void neverPrintsTheKeyPassword() {
		TlsOptions tls = new TlsOptions(null, null, null, null, "s3cret", true, null, null, null);
		assertThat(tls.toString()).doesNotContain("s3cret").contains("password=******");
	}

	private static TlsOptions options(VerifyMode mode, boolean sni, String serverName) {
		return new TlsOptions(mode, null, null, null, null, sni, serverName, null, null);
	}

}
