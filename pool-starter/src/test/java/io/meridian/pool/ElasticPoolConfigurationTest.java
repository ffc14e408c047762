package io.meridian.pool;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;

import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.opensearch.client.RestClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * elastic entries as an operator writes them: MongooseIM's defaults, https through the tls
 * block, credentials kept out of logs, and mistakes refused with the entry and key named.
 * The node is a closed local port: these pools start without it, as any pool does.
 */
class ElasticPoolConfigurationTest {

	private static final String P = "meridian.outgoing-pools[0].";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class))
		.withPropertyValues(P + "type=elastic");

	private final int closed = closedPort();

	@Test
	void defaultsFollowMongooseIm() {
		// No connection block at all: MongooseIM's localhost:9200 over plain http.
		this.runner.withPropertyValues(P + "pool.workers=2")
			.run(context -> assertThat(node(context.getBean(OutgoingPools.class)).toURI()).isEqualTo("http://localhost:9200"));
	}

	@Test
	void aTlsBlockMeansHttps() {
		this.runner.withPropertyValues(P + "connection.host=127.0.0.1", P + "connection.port=" + this.closed,
				P + "connection.tls.verify-mode=none")
			.run(context -> assertThat(node(context.getBean(OutgoingPools.class)).toURI())
				.isEqualTo("https://127.0.0.1:" + this.closed));
	}

	@Test
	void thePasswordNeverShowsInTheOptions() {
		ElasticConnection connection = new ElasticConnection("es.example.com", 9243, "meridian", "s3cret", null);
		assertThat(connection.toString()).contains("username=meridian", "password=******").doesNotContain("s3cret");
	}

	@Test
	void aUsernameNeedsAPassword() {
		failsWith("meridian.outgoing-pools[0].connection", "username and password go together",
				P + "connection.port=" + this.closed, P + "connection.username=meridian");
	}

	@Test
	void aPortOutOfRangeIsRefused() {
		failsWith("meridian.outgoing-pools[0].connection", "port must be between 1 and 65535, was 92000",
				P + "connection.port=92000");
	}

	@Test
	void aUrlInHostPointsToTheTlsBlock() {
		failsWith("meridian.outgoing-pools[0].connection", "host 'https://es.example.com' takes a host name only; for https add a tls block",
				P + "connection.host=https://es.example.com");
	}

	@Test
	void unknownKeysAreNamedWithTheKnownOnes() {
		failsWith("meridian.outgoing-pools[0].connection.url: unknown key; expected one of host, port, username, password, tls", "",
				P + "connection.url=http://localhost:9200");
	}

	@Test
	void withoutTheRestClientTheTypeNamesTheMissingLibrary() {
		this.runner.withClassLoader(new FilteredClassLoader(RestClient.class))
			.withPropertyValues(P + "connection.port=" + this.closed)
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("no client library for 'elastic' pools on the classpath"));
	}

	@Test
	void socketTimeoutsAreTimeoutsButARefusedConnectionIsNot() {
		ElasticPoolClientFactory factory = new ElasticPoolClientFactory();
		assertThat(factory.isTimeout(new IOException(new SocketTimeoutException("30,000 milliseconds timeout on connection")))).isTrue();
		assertThat(factory.isTimeout(new org.apache.hc.client5.http.ConnectTimeoutException("Connect to localhost timed out"))).isTrue();
		assertThat(factory.isTimeout(new ConnectException("Connection refused"))).isFalse();
	}

	private static HttpHost node(OutgoingPools pools) {
		OutgoingPool<RestClient> pool = pools.get(PoolType.ELASTIC);
		return pool.client().getNodes().get(0).getHost();
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
