package io.meridian.pool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import com.jayway.jsonpath.JsonPath;
import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.RestClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * elastic pools against the real OpenSearch node ({@code scripts/meridian-infra start opensearch}),
 * reached directly, through a TLS-terminating proxy this test runs in front of it, or not at all.
 */
class ElasticPoolIT {

	private static final String P = "meridian.outgoing-pools[0].";

	@TempDir
	static Path dir;

	private static Endpoint node;

	private static Path caFile;

	private static SSLContext proxyTls;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class))
		.withPropertyValues(P + "type=elastic");

	@BeforeAll
	static void setUp() throws Exception {
		node = RealServers.locate(RealServer.OPENSEARCH);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair caKeys = generator.generateKeyPair();
		X509Certificate ca = HttpPoolIT.Certificates.sign("CN=Meridian Test CA", caKeys, "CN=Meridian Test CA",
				caKeys.getPrivate(), true);
		caFile = HttpPoolIT.Certificates.pem(dir.resolve("ca.pem"), ca);
		KeyPair proxyKeys = generator.generateKeyPair();
		X509Certificate proxy = HttpPoolIT.Certificates.sign("CN=localhost", proxyKeys, "CN=Meridian Test CA", caKeys.getPrivate(),
				false, "localhost");
		proxyTls = HttpPoolIT.Certificates.serverContext(proxyKeys.getPrivate(), proxy, ca);
	}

	@Test
	void aDocumentIndexedThroughTheRegistryPoolIsFoundBySearch() {
		String index = "meridian-pool-it-" + System.nanoTime();
		this.runner.withPropertyValues(P + "host=host", "meridian.hosts=example.com", P + "connection.host=" + node.host(),
				P + "connection.port=" + node.port())
			.run(context -> {
				OutgoingPool<RestClient> pool = context.getBean(OutgoingPools.class).get(PoolType.ELASTIC, "example.com", "default");
				try {
					pool.call(es -> es.performRequest(json("PUT", "/" + index + "/_doc/1",
							"{\"from\":\"alice@example.com\",\"body\":\"meet at the harbour\"}")));
					pool.call(es -> es.performRequest(new Request("POST", "/" + index + "/_refresh")));
					String found = pool.call(es -> body(es.performRequest(json("POST", "/" + index + "/_search",
							"{\"query\":{\"match\":{\"body\":\"harbour\"}}}"))));

					assertThat(JsonPath.<Integer>read(found, "$.hits.total.value")).isEqualTo(1);
					assertThat(JsonPath.<String>read(found, "$.hits.hits[0]._source.from")).isEqualTo("alice@example.com");
					assertThat(health(context.getBean(OutgoingPoolsHealthContributor.class), "elastic-example.com-default"))
						.isEqualTo(Status.UP);
				}
				finally {
					pool.call(es -> es.performRequest(new Request("DELETE", "/" + index)));
				}
			});
	}

	@Test
	void aResponseSlowerThanTheCallTimeoutIsACallTimeout() {
		this.runner.withPropertyValues(P + "connection.host=" + node.host(), P + "connection.port=" + node.port(),
				P + "pool.call-timeout=500ms")
			.run(context -> {
				OutgoingPool<RestClient> pool = context.getBean(OutgoingPools.class).get(PoolType.ELASTIC);
				// The node holds this request until five nodes join, or its own timeout, far past the call-timeout.
				Request waiting = new Request("GET", "/_cluster/health");
				waiting.addParameter("wait_for_nodes", "5");
				waiting.addParameter("timeout", "10s");
				assertThatThrownBy(() -> pool.call(es -> es.performRequest(waiting))).isInstanceOf(PoolCallTimeoutException.class)
					.hasMessageContaining("Pool (elastic, global, default): call exceeded call-timeout 500 ms");
				assertThat(pool.<String>call(es -> body(es.performRequest(new Request("GET", "/"))))).contains("cluster_name");
			});
	}

	@Test
	void httpsWithBasicAuthGoesThroughTheTlsOptions() throws Exception {
		try (TlsProxy proxy = new TlsProxy(proxyTls, node)) {
			this.runner
				.withPropertyValues(P + "connection.host=localhost", P + "connection.port=" + proxy.port(),
						P + "connection.username=meridian", P + "connection.password=s3cret",
						P + "connection.tls.cacertfile=" + caFile)
				.run(context -> {
					OutgoingPool<RestClient> pool = context.getBean(OutgoingPools.class).get(PoolType.ELASTIC);
					assertThat(pool.<String>call(es -> body(es.performRequest(new Request("GET", "/"))))).contains("cluster_name");
					String basic = Base64.getEncoder().encodeToString("meridian:s3cret".getBytes(StandardCharsets.UTF_8));
					assertThat(proxy.seen().toLowerCase(Locale.ROOT)).contains("authorization: basic " + basic.toLowerCase(Locale.ROOT));
				});
			this.runner.withPropertyValues(P + "connection.host=localhost", P + "connection.port=" + proxy.port(),
					P + "connection.tls.verify-mode=peer")
				.run(context -> {
					OutgoingPool<RestClient> pool = context.getBean(OutgoingPools.class).get(PoolType.ELASTIC);
					assertThatThrownBy(() -> pool.call(es -> es.performRequest(new Request("GET", "/"))))
						.isInstanceOf(PoolException.class)
						.hasCauseInstanceOf(SSLHandshakeException.class);
					assertThat(health(context.getBean(OutgoingPoolsHealthContributor.class), "elastic-global-default"))
						.isEqualTo(Status.DOWN);
				});
		}
	}

	@Test
	void aClusterThatIsDownLeavesThePoolUpButItsCallsFailAndItsHealthDown() {
		int port = closedPort();
		this.runner.withPropertyValues(P + "connection.host=127.0.0.1", P + "connection.port=" + port).run(context -> {
			assertThat(context).hasNotFailed();
			OutgoingPool<RestClient> pool = context.getBean(OutgoingPools.class).get(PoolType.ELASTIC);
			assertThatThrownBy(() -> pool.call(es -> es.performRequest(new Request("GET", "/")))).isInstanceOf(PoolException.class)
				.hasMessageContaining("Pool (elastic, global, default)")
				.hasCauseInstanceOf(ConnectException.class);
			assertThat(health(context.getBean(OutgoingPoolsHealthContributor.class), "elastic-global-default"))
				.isEqualTo(Status.DOWN);
		});
	}

	private static Request json(String method, String path, String body) {
		Request request = new Request(method, path);
		request.setJsonEntity(body);
		return request;
	}

	private static String body(Response response) throws Exception {
		return EntityUtils.toString(response.getEntity());
	}

	private static Status health(OutgoingPoolsHealthContributor contributor, String name) {
		return ((HealthIndicator) contributor.getContributor(name)).health().getStatus();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Terminates TLS with the test's certificate and passes the bytes on to the real node,
	 * keeping what the client sent so a test can see the headers on the wire.
	 */
	static final class TlsProxy implements AutoCloseable {

		private final ServerSocket server;

		private final Endpoint target;

		private final StringBuffer seen = new StringBuffer();

		TlsProxy(SSLContext tls, Endpoint target) throws IOException {
			this.server = tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
			this.target = target;
			Thread.ofVirtual().start(this::accept);
		}

		int port() {
			return this.server.getLocalPort();
		}

		String seen() {
			return this.seen.toString();
		}

		private void accept() {
			while (!this.server.isClosed()) {
				try {
					Socket client = this.server.accept();
					Thread.ofVirtual().start(() -> relay(client));
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void relay(Socket client) {
			try (client; Socket upstream = new Socket(this.target.host(), this.target.port())) {
				Thread back = Thread.ofVirtual().start(() -> copy(upstream, client, null));
				copy(client, upstream, this.seen);
				back.join();
			}
			catch (IOException | InterruptedException ex) {
				// A refused handshake or a closed side ends this connection only.
			}
		}

		private static void copy(Socket from, Socket to, StringBuffer record) {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n; (n = in.read(buffer)) != -1;) {
					if (record != null) {
						record.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
					}
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ex) {
				// The other side closed.
			}
		}

		@Override
		public void close() throws IOException {
			this.server.close();
		}

	}

}
