package io.meridian.pool;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.metadata.EndPoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** How a cassandra entry binds and what the driver is told; the IT shows it against Cassandra. */
class CassandraConnectionTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class));

	@Test
	void defaultsAreOneLocalServerWithoutKeyspace() {
		CassandraConnection connection = bind("type", "cassandra");
		assertThat(connection.servers()).containsExactly(new CassandraConnection.Server("127.0.0.1", 9042));
		assertThat(connection.keyspace()).isNull();
		assertThat(connection.localDatacenter()).isNull();
		assertThat(connection.tls()).isNull();
	}

	@Test
	void serversTakeTheDefaultPortAndOptionsBindFromRelaxedNames() {
		CassandraConnection connection = bind("type", "cassandra", "connection.servers[0].host", "db1",
				"connection.servers[1].host", "db2", "connection.servers[1].port", "9142", "connection.keyspace", "meridian",
				"connection.local_datacenter", "eu-west", "connection.username", "meridian", "connection.password", "s3cret",
				"connection.tls.verify-mode", "none");
		assertThat(connection.servers()).hasToString("[db1:9042, db2:9142]");
		assertThat(connection.keyspace()).isEqualTo("meridian");
		assertThat(connection.localDatacenter()).isEqualTo("eu-west");
		assertThat(connection.tls().verifyMode()).isEqualTo(TlsOptions.VerifyMode.NONE);
		assertThat(connection.toString()).contains("username=meridian, password=******").doesNotContain("s3cret");
	}

	@Test
	void aServerWithoutHostIsRefused() {
		failsWith("meridian.outgoing-pools[0].connection.servers[0]: host is required", "type=cassandra",
				"connection.servers[0].port=9042");
		failsWith("connection.servers[0].ipaddress] were left unbound", "type=cassandra",
				"connection.servers[0].ip_address=10.0.0.1");
	}

	@Test
	void anUnknownConnectionKeyIsNamed() {
		failsWith("meridian.outgoing-pools[0].connection.auth: unknown key; expected one of servers, keyspace, "
				+ "local-datacenter, username, password, tls", "type=cassandra", "connection.auth.plain.username=meridian");
	}

	@Test
	void aUsernameNeedsAPassword() {
		failsWith("username and password go together", "type=cassandra", "connection.username=meridian");
	}

	@Test
	void aKeyspaceNameCassandraWouldRefuseIsRefusedAtStart() {
		failsWith("keyspace must be 1 to 48 letters, digits or underscores, was 'my-keyspace'", "type=cassandra",
				"connection.keyspace=my-keyspace");
	}

	@Test
	void callTimeoutBoundsEveryDriverTimeout() {
		PoolDefinition definition = definition("type", "cassandra", "pool.call-timeout", "1500ms");
		DriverExecutionProfile profile = CassandraPoolClientFactory
			.config(definition, (CassandraConnection) definition.connection())
			.getInitialConfig()
			.getDefaultProfile();
		assertThat(profile.getDuration(DefaultDriverOption.REQUEST_TIMEOUT)).hasMillis(1500);
		assertThat(profile.getDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT)).hasMillis(1500);
		assertThat(profile.getDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT)).hasMillis(1500);
		assertThat(profile.getBoolean(DefaultDriverOption.RECONNECT_ON_INIT)).isFalse();
		assertThat(profile.getString(DefaultDriverOption.SESSION_NAME)).isEqualTo("cassandra-global-default");
	}

	@Test
	void theLocalDatacenterIsInferredUnlessGiven() {
		PoolDefinition inferred = definition("type", "cassandra");
		assertThat(CassandraPoolClientFactory.config(inferred, (CassandraConnection) inferred.connection())
			.getInitialConfig()
			.getDefaultProfile()
			.getString(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS)).isEqualTo("DcInferringLoadBalancingPolicy");
		PoolDefinition given = definition("type", "cassandra", "connection.local-datacenter", "dc1");
		DriverExecutionProfile profile = CassandraPoolClientFactory
			.config(given, (CassandraConnection) given.connection())
			.getInitialConfig()
			.getDefaultProfile();
		assertThat(profile.getString(DefaultDriverOption.LOAD_BALANCING_LOCAL_DATACENTER)).isEqualTo("dc1");
		assertThat(profile.getString(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS)).isEqualTo("DefaultLoadBalancingPolicy");
	}

	@Test
	void onlyTheDriversTimeoutIsACallTimeout() {
		CassandraPoolClientFactory factory = new CassandraPoolClientFactory();
		assertThat(factory.isTimeout(new IllegalStateException("wrapped", new DriverTimeoutException("PT1S")))).isTrue();
		assertThat(factory.isTimeout(new IllegalStateException("Invalid keyspace nosuch"))).isFalse();
	}

	@Test
	void tlsEnginesCarryTheServerNameVersionsAndHostNameCheck() {
		TlsOptions tls = TlsOptions.defaults();
		SSLEngine engine = new CassandraPoolClientFactory.TlsEngineFactory(tls, tls.sslContext())
			.newSslEngine(endPoint(InetSocketAddress.createUnresolved("db1.example.org", 9142)));
		assertThat(engine.getUseClientMode()).isTrue();
		assertThat(engine.getPeerHost()).isEqualTo("db1.example.org");
		assertThat(engine.getPeerPort()).isEqualTo(9142);
		assertThat(engine.getSSLParameters().getServerNames()).containsExactly(new SNIHostName("db1.example.org"));
		assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
		assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
	}

	private static EndPoint endPoint(SocketAddress address) {
		return new EndPoint() {

			@Override
			public SocketAddress resolve() {
				return address;
			}

			@Override
			public String asMetricPrefix() {
				return "test";
			}

		};
	}

	private static CassandraConnection bind(String... keysAndValues) {
		return (CassandraConnection) definition(keysAndValues).connection();
	}

	private static PoolDefinition definition(String... keysAndValues) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			properties.put(PoolDefinitions.PREFIX + "[0]." + keysAndValues[i], keysAndValues[i + 1]);
		}
		List<PoolDefinition> definitions = PoolDefinitions.bind(new Binder(new MapConfigurationPropertySource(properties)),
				Map.of(PoolType.CASSANDRA, new CassandraPoolClientFactory()));
		return definitions.get(0);
	}

	private void failsWith(String message, String... properties) {
		String[] prefixed = java.util.Arrays.stream(properties).map(p -> PoolDefinitions.PREFIX + "[0]." + p).toArray(String[]::new);
		this.runner.withPropertyValues(prefixed).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(Exception.class);
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof PoolConfigurationException)) {
				failure = failure.getCause();
			}
			assertThat(failure).as("a PoolConfigurationException").isNotNull();
			assertThat(failure.getMessage()).contains(message);
		});
	}

}
