package io.meridian.pool;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * http entries as an operator writes them: MongooseIM's defaults, relaxed values, and the
 * mistakes refused with the entry and key named. The server is a closed local port: these
 * pools start without it, as any pool does.
 */
class HttpPoolConfigurationTest {

	private static final String P = "meridian.outgoing-pools[0].";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class))
		.withPropertyValues(P + "type=http");

	private final String closed = "http://127.0.0.1:" + closedPort();

	@Test
	void defaultsFollowMongooseIm() {
		this.runner.withPropertyValues(P + "connection.server=" + this.closed).run(context -> {
			HttpConnection connection = connection(context.getBean(OutgoingPools.class));
			assertThat(connection.pathPrefix()).isEqualTo("/");
			assertThat(connection.requestTimeout()).hasMillis(2000);
			assertThat(connection.tls()).isNull();
			assertThat(connection.baseUrl()).isEqualTo(this.closed + "/");
		});
	}

	@Test
	void aBareRequestTimeoutIsMillisecondsAndThePathPrefixIsNormalized() {
		this.runner
			.withPropertyValues(P + "connection.server=" + this.closed + "/", P + "connection.path_prefix=api/auth",
					P + "connection.request-timeout=500")
			.run(context -> {
				HttpConnection connection = connection(context.getBean(OutgoingPools.class));
				assertThat(connection.requestTimeout()).hasMillis(500);
				assertThat(connection.pathPrefix()).isEqualTo("/api/auth/");
				assertThat(connection.baseUrl()).isEqualTo(this.closed + "/api/auth/");
			});
	}

	@Test
	void httpsIsVerifiedAgainstTheJvmTrustStoreWithoutATlsBlock() {
		this.runner.withPropertyValues(P + "connection.server=HTTPS://127.0.0.1:" + closedPort()).run(context -> {
			HttpConnection connection = connection(context.getBean(OutgoingPools.class));
			assertThat(connection.https()).isTrue();
			assertThat(connection.server()).startsWith("https://");
			assertThat(connection.tls().verifyMode()).isEqualTo(TlsOptions.VerifyMode.PEER);
			assertThat(connection.tls().cacertfile()).isNull();
		});
	}

	@Test
	void theServerIsRequired() {
		failsWith("meridian.outgoing-pools[0].connection", "server is required, e.g. https://push.example.com:8443",
				P + "pool.workers=2");
	}

	@Test
	void onlyHttpAndHttpsServersAreAccepted() {
		failsWith("meridian.outgoing-pools[0].connection", "server 'ftp://files.example.com' must start with http:// or https://",
				P + "connection.server=ftp://files.example.com");
		failsWith("meridian.outgoing-pools[0].connection", "must start with http:// or https://",
				P + "connection.server=push.example.com");
	}

	@Test
	void aPathInTheServerBelongsInThePathPrefix() {
		failsWith("meridian.outgoing-pools[0].connection", "put '/api' in path-prefix",
				P + "connection.server=https://push.example.com/api");
	}

	@Test
	void tlsNeedsAnHttpsServer() {
		failsWith("meridian.outgoing-pools[0].connection", "tls is for https servers only",
				P + "connection.server=" + this.closed, P + "connection.tls.verify-mode=none");
	}

	@Test
	void aZeroRequestTimeoutIsRefused() {
		failsWith("meridian.outgoing-pools[0].connection", "request-timeout must be positive, was 0 ms",
				P + "connection.server=" + this.closed, P + "connection.request-timeout=0");
	}

	@Test
	void unknownKeysAreNamedWithTheKnownOnes() {
		failsWith("meridian.outgoing-pools[0].connection.host: unknown key; expected one of server, path-prefix, request-timeout, tls",
				"", P + "connection.host=https://push.example.com");
		failsWith("meridian.outgoing-pools[0].connection.tls.verify: unknown key", "",
				P + "connection.server=https://push.example.com", P + "connection.tls.verify=false");
	}

	@Test
	void withoutReactorNettyTheTypeNamesTheMissingLibrary() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpClient.class))
			.withPropertyValues(P + "connection.server=" + this.closed)
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("no client library for 'http' pools on the classpath"));
	}

	@Test
	void responseAndConnectTimeoutsAreTimeoutsButARefusedConnectionIsNot() {
		HttpPoolClientFactory factory = new HttpPoolClientFactory(WebClient::builder);
		assertThat(factory.isTimeout(new WebClientRequestException(ReadTimeoutException.INSTANCE, HttpMethod.GET,
				URI.create("http://x/"), new HttpHeaders()))).isTrue();
		assertThat(factory.isTimeout(new io.netty.channel.ConnectTimeoutException("connection timed out"))).isTrue();
		assertThat(factory.isTimeout(new WebClientRequestException(new ConnectException("Connection refused"), HttpMethod.GET,
				URI.create("http://x/"), new HttpHeaders()))).isFalse();
	}

	private static HttpConnection connection(OutgoingPools pools) {
		OutgoingPool<HttpPoolClient> pool = pools.get(PoolType.HTTP);
		return pool.client().connection();
	}

	private void failsWith(String where, String message, String... properties) {
		this.runner.withPropertyValues(properties).run(context -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof PoolConfigurationException)) {
				failure = failure.getCause();
			}
			assertThat(failure).as("a PoolConfigurationException").isNotNull();
			assertThat(failure.getMessage()).contains(where).contains(message);
		});
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
