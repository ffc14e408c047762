package io.meridian.pool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * http pools against real HTTP and HTTPS servers in this JVM (the JDK's own server), with
 * certificates made for the test: a CA and a server certificate it signed for
 * {@code localhost}, and a self-signed one.
 */
class HttpPoolIT {

	private static final String P = "meridian.outgoing-pools[0].";

	@TempDir
	static Path dir;

	private static Path caFile;

	private static SSLContext caSignedServer;

	private static SSLContext selfSignedServer;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class))
		.withPropertyValues(P + "type=http");

	private final List<HttpServer> servers = new ArrayList<>();

	private final CountDownLatch slow = new CountDownLatch(1);

	@BeforeAll
	static void certificates() throws Exception {
		KeyPair caKeys = keyPair();
		X509Certificate ca = Certificates.sign("CN=Meridian Test CA", caKeys, "CN=Meridian Test CA", caKeys.getPrivate(), true);
		caFile = Certificates.pem(dir.resolve("ca.pem"), ca);
		KeyPair serverKeys = keyPair();
		X509Certificate server = Certificates.sign("CN=localhost", serverKeys, "CN=Meridian Test CA", caKeys.getPrivate(), false,
				"localhost");
		caSignedServer = Certificates.serverContext(serverKeys.getPrivate(), server, ca);
		KeyPair selfKeys = keyPair();
		X509Certificate self = Certificates.sign("CN=localhost", selfKeys, "CN=localhost", selfKeys.getPrivate(), false,
				"localhost");
		selfSignedServer = Certificates.serverContext(selfKeys.getPrivate(), self);
	}

	@AfterEach
	void stopServers() {
		this.slow.countDown();
		this.servers.forEach(server -> server.stop(0));
	}

	@Test
	void getAndPostGoThroughTheRegistryPoolUnderThePathPrefix() {
		int port = start(null);
		this.runner.withPropertyValues(P + "connection.server=http://127.0.0.1:" + port, P + "connection.path-prefix=/api")
			.run(context -> {
				OutgoingPool<HttpPoolClient> pool = context.getBean(OutgoingPools.class).get(PoolType.HTTP, "example.com", "default");

				ResponseEntity<String> got = pool.call(http -> http.get("/users/alice?full=1"));
				assertThat(got.getStatusCode()).isEqualTo(HttpStatus.OK);
				assertThat(got.getBody()).isEqualTo("GET /api/users/alice?full=1 ");

				ResponseEntity<String> posted = pool.call(http -> http.post("push", MediaType.APPLICATION_JSON, "{\"to\":\"bob\"}"));
				assertThat(posted.getBody()).isEqualTo("POST /api/push application/json {\"to\":\"bob\"}");

				ResponseEntity<String> missing = pool.call(http -> http.get("/missing"));
				assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
				assertThat(missing.getBody()).isEqualTo("no such thing");

				String viaWebClient = pool.call(http -> http.webClient().put().uri("/users/{name}", "carol").bodyValue("x")
					.retrieve().bodyToMono(String.class).block());
				assertThat(viaWebClient).isEqualTo("PUT /api/users/carol text/plain;charset=UTF-8 x");
				assertThat(health(context.getBean(OutgoingPoolsHealthContributor.class))).isEqualTo(Status.UP);
			});
	}

	@Test
	void theApplicationsWebClientBuilderIsTheStartingPoint() {
		int port = start(null);
		this.runner.withBean(WebClient.Builder.class, () -> WebClient.builder().defaultHeader("X-Node", "node-1"))
			.withPropertyValues(P + "connection.server=http://127.0.0.1:" + port)
			.run(context -> {
				OutgoingPool<HttpPoolClient> pool = context.getBean(OutgoingPools.class).get(PoolType.HTTP);
				assertThat(pool.call(http -> http.get("/header/X-Node")).getBody()).isEqualTo("node-1");
			});
	}

	@Test
	void aResponseSlowerThanTheRequestTimeoutIsACallTimeout() {
		int port = start(null);
		this.runner.withPropertyValues(P + "connection.server=http://127.0.0.1:" + port, P + "connection.request-timeout=300")
			.run(context -> {
				OutgoingPool<HttpPoolClient> pool = context.getBean(OutgoingPools.class).get(PoolType.HTTP);
				assertThatThrownBy(() -> pool.call(http -> http.get("/slow"))).isInstanceOf(PoolCallTimeoutException.class)
					.hasMessageContaining("Pool (http, global, default)");
				assertThat(pool.<String>call(http -> http.get("/quick").getBody())).isEqualTo("GET /quick ");
			});
	}

	@Test
	void httpsWithVerifyModePeerTrustsTheGivenCa() {
		int port = start(caSignedServer);
		this.runner
			.withPropertyValues(P + "connection.server=https://localhost:" + port, P + "connection.tls.verify-mode=peer",
					P + "connection.tls.cacertfile=" + caFile)
			.run(context -> {
				OutgoingPool<HttpPoolClient> pool = context.getBean(OutgoingPools.class).get(PoolType.HTTP);
				assertThat(pool.<String>call(http -> http.get("/secure").getBody())).isEqualTo("GET /secure ");
				assertThat(health(context.getBean(OutgoingPoolsHealthContributor.class))).isEqualTo(Status.UP);
			});
	}

	@Test
	void httpsWithVerifyModePeerRefusesAServerItsCasDidNotSign() {
		int port = start(caSignedServer);
		this.runner.withPropertyValues(P + "connection.server=https://localhost:" + port).run(context -> {
			OutgoingPool<HttpPoolClient> pool = context.getBean(OutgoingPools.class).get(PoolType.HTTP);
			assertThat(handshakeFailure(() -> pool.call(http -> http.get("/secure")))).hasMessageContaining("PKIX path");
			assertThat(health(context.getBean(OutgoingPoolsHealthContributor.class))).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void selfSignedPeerAcceptsASelfSignedCertificateThatPeerRefuses() {
		int port = start(selfSignedServer);
		this.runner
			.withPropertyValues(P + "connection.server=https://localhost:" + port, P + "connection.tls.verify-mode=selfsigned-peer")
			.run(context -> {
				OutgoingPool<HttpPoolClient> pool = context.getBean(OutgoingPools.class).get(PoolType.HTTP);
				assertThat(pool.<String>call(http -> http.get("/self").getBody())).isEqualTo("GET /self ");
			});
		this.runner.withPropertyValues(P + "connection.server=https://localhost:" + port, P + "connection.tls.verify-mode=peer",
				P + "connection.tls.cacertfile=" + caFile)
			.run(context -> {
				OutgoingPool<HttpPoolClient> pool = context.getBean(OutgoingPools.class).get(PoolType.HTTP);
				assertThat(handshakeFailure(() -> pool.call(http -> http.get("/self")))).hasMessageContaining("PKIX path");
			});
	}

	@Test
	void verifyModePeerRefusesACertificateForAnotherHostUnlessServerNameSaysSo() {
		int port = start(caSignedServer);
		// The certificate names localhost only, not the address 127.0.0.1.
		this.runner.withPropertyValues(P + "connection.server=https://127.0.0.1:" + port, P + "connection.tls.cacertfile=" + caFile)
			.run(context -> {
				OutgoingPool<HttpPoolClient> pool = context.getBean(OutgoingPools.class).get(PoolType.HTTP);
				assertThat(handshakeFailure(() -> pool.call(http -> http.get("/secure"))))
					.hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
			});
		this.runner
			.withPropertyValues(P + "connection.server=https://127.0.0.1:" + port, P + "connection.tls.cacertfile=" + caFile,
					P + "connection.tls.server-name=localhost")
			.run(context -> {
				OutgoingPool<HttpPoolClient> pool = context.getBean(OutgoingPools.class).get(PoolType.HTTP);
				assertThat(pool.<String>call(http -> http.get("/secure").getBody())).isEqualTo("GET /secure ");
			});
	}

	@Test
	void aServerThatIsDownLeavesThePoolUpButItsCallsFailAndItsHealthDown() {
		int port = closedPort();
		this.runner.withPropertyValues(P + "connection.server=http://127.0.0.1:" + port).run(context -> {
			assertThat(context).hasNotFailed();
			OutgoingPool<HttpPoolClient> pool = context.getBean(OutgoingPools.class).get(PoolType.HTTP);
			assertThatThrownBy(() -> pool.call(http -> http.get("/"))).isInstanceOf(WebClientRequestException.class)
				.hasRootCauseInstanceOf(ConnectException.class);
			assertThat(health(context.getBean(OutgoingPoolsHealthContributor.class))).isEqualTo(Status.DOWN);
		});
		this.runner.withPropertyValues(P + "connection.server=http://127.0.0.1:" + port, P + "required=true")
			.run(context -> assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ConnectException.class));
		this.runner.withPropertyValues(P + "connection.server=http://127.0.0.1:" + port, P + "required=true")
			.run(context -> assertThat(context.getStartupFailure())
				.hasMessageContaining("meridian.outgoing-pools[0] (http, global, default) is required but its server does not answer"));
	}

	/** Echoes method, path, content type and body; {@code /slow} answers only after the test ends. */
	private int start(SSLContext tls) {
		HttpServer server;
		try {
			InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
			if (tls != null) {
				HttpsServer https = HttpsServer.create(loopback, 0);
				https.setHttpsConfigurator(new HttpsConfigurator(tls));
				server = https;
			}
			else {
				server = HttpServer.create(loopback, 0);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::answer);
		server.start();
		this.servers.add(server);
		return server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		byte[] request;
		try (InputStream in = exchange.getRequestBody()) {
			request = in.readAllBytes();
		}
		int status = 200;
		String body;
		if (path.endsWith("/slow")) {
			await(this.slow);
			body = "late";
		}
		else if (path.endsWith("/missing")) {
			status = 404;
			body = "no such thing";
		}
		else if (path.startsWith("/header/")) {
			body = String.valueOf(exchange.getRequestHeaders().getFirst(path.substring("/header/".length())));
		}
		else {
			String type = exchange.getRequestHeaders().getFirst("Content-Type");
			body = exchange.getRequestMethod() + " " + path + ((query != null) ? "?" + query : "") + " "
					+ ((type != null) ? type + " " : "") + new String(request, StandardCharsets.UTF_8);
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		boolean head = exchange.getRequestMethod().equals("HEAD");
		exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			if (!head) {
				out.write(bytes);
			}
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Status health(OutgoingPoolsHealthContributor contributor) {
		return ((HealthIndicator) contributor.getContributor("http-global-default")).health().getStatus();
	}

	/** The TLS handshake failure behind a failed call, as a user finds it in the cause chain. */
	private static SSLHandshakeException handshakeFailure(ThrowingCallable call) {
		try {
			call.call();
		}
		catch (Throwable ex) {
			assertThat(ex).isInstanceOf(WebClientRequestException.class);
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof SSLHandshakeException handshake) {
					return handshake;
				}
			}
			fail("no TLS handshake failure behind " + ex);
		}
		return fail("the call succeeded");
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair keyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	/** Test certificates made with BouncyCastle, a day either side of now. */
	static final class Certificates {

		private static final AtomicLong serial = new AtomicLong(System.currentTimeMillis());

		static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey, boolean ca,
				String... dnsNames) throws IOException, GeneralSecurityException, OperatorCreationException {
			Instant now = Instant.now();
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
					BigInteger.valueOf(serial.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), subjectKeys.getPublic());
			if (ca) {
				builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
			}
			if (dnsNames.length > 0) {
				GeneralName[] names = Arrays.stream(dnsNames)
					.map(name -> new GeneralName(GeneralName.dNSName, name))
					.toArray(GeneralName[]::new);
				builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
			}
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
		}

		static Path pem(Path file, X509Certificate certificate) throws IOException {
			try (Writer writer = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
				pem.writeObject(certificate);
			}
			return file;
		}

		static SSLContext serverContext(PrivateKey key, X509Certificate... chain) throws GeneralSecurityException, IOException {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("server", key, new char[0], chain);
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(store, new char[0]);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return context;
		}

	}

}
