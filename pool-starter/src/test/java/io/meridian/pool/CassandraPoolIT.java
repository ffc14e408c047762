package io.meridian.pool;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.InvalidKeyspaceException;
import com.datastax.oss.driver.api.core.cql.Row;
import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cassandra pools against a real Cassandra: {@code scripts/meridian-infra start cassandra}. */
class CassandraPoolIT {

	private static final String KEYSPACE = "meridian_pool_it";

	private static Endpoint cassandra;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class));

	@BeforeAll
	static void createKeyspace() {
		cassandra = RealServers.locate(RealServer.CASSANDRA);
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class))
			.withPropertyValues(pool(cassandra.host(), cassandra.port(), null, "10s"))
			.run(context -> cassandra(context.getBean(OutgoingPools.class)).call(client -> {
				client.session().execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
						+ " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
				client.session().execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".notes (id uuid PRIMARY KEY, body text)");
				return null;
			}));
	}

	@Test
	void writesAndReadsThroughThePoolInItsKeyspace() {
		this.runner.withPropertyValues(pool(cassandra.host(), cassandra.port(), KEYSPACE, "10s")).run(context -> {
			OutgoingPool<CassandraClient> pool = cassandra(context.getBean(OutgoingPools.class));
			UUID id = UUID.randomUUID();
			pool.call(client -> client.session().execute("INSERT INTO notes (id, body) VALUES (?, ?)", id, "hello"));
			Row row = pool.call(client -> client.session().execute("SELECT body FROM notes WHERE id = ?", id).one());
			assertThat(row.getString("body")).isEqualTo("hello");
			assertThat(health(context, "cassandra-global-default").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void anUnknownKeyspaceIsTheCallsError() {
		this.runner.withPropertyValues(pool(cassandra.host(), cassandra.port(), "no_such_keyspace", "10s")).run(context -> {
			assertThat(context).hasNotFailed();
			OutgoingPool<CassandraClient> pool = cassandra(context.getBean(OutgoingPools.class));
			assertThatThrownBy(() -> pool.call(client -> client.session().execute("SELECT now() FROM system.local")))
				.isInstanceOf(InvalidKeyspaceException.class)
				.hasMessageContaining("no_such_keyspace");
			assertThat(health(context, "cassandra-global-default").getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void aPoolWhoseClusterIsDownStartsReportsDownAndFailsItsCalls() throws IOException {
		int closed = closedPort();
		this.runner.withPropertyValues(pool("127.0.0.1", closed, null, "10s")).run(context -> {
			assertThat(context).hasNotFailed();
			OutgoingPool<CassandraClient> pool = cassandra(context.getBean(OutgoingPools.class));
			Health health = health(context, "cassandra-global-default");
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("error")).asString().contains("Could not reach any contact point");
			assertThatThrownBy(() -> pool.call(client -> client.session().execute(CassandraPoolClientFactory.CHECK_QUERY)))
				.isInstanceOf(AllNodesFailedException.class)
				.hasMessageContaining("127.0.0.1:" + closed);
		});
	}

	@Test
	void aRequiredPoolWhoseClusterIsDownStopsTheStart() throws IOException {
		this.runner.withPropertyValues(pool("127.0.0.1", closedPort(), null, "10s"))
			.withPropertyValues("meridian.outgoing-pools[0].required=true")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Could not reach any contact point"));
	}

	private static String[] pool(String host, int port, String keyspace, String callTimeout) {
		List<String> properties = new ArrayList<>(List.of("meridian.outgoing-pools[0].type=cassandra",
				"meridian.outgoing-pools[0].pool.workers=2", "meridian.outgoing-pools[0].pool.call-timeout=" + callTimeout,
				"meridian.outgoing-pools[0].connection.servers[0].host=" + host,
				"meridian.outgoing-pools[0].connection.servers[0].port=" + port));
		if (keyspace != null) {
			properties.add("meridian.outgoing-pools[0].connection.keyspace=" + keyspace);
		}
		return properties.toArray(String[]::new);
	}

	private static OutgoingPool<CassandraClient> cassandra(OutgoingPools pools) {
		return pools.get(PoolType.CASSANDRA);
	}

	private static Health health(org.springframework.context.ApplicationContext context, String name) {
		return ((HealthIndicator) context.getBean(OutgoingPoolsHealthContributor.class).getContributor(name)).health();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
