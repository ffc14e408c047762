package io.meridian.pool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How an rdbms entry binds, and what an operator reads when it is wrong; no database is contacted. */
class RdbmsPoolConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class));

	@Test
	void hostAndDatabaseGetTheDriversDefaultPort() {
		RdbmsConnection pgsql = connection("connection.driver=pgsql", "connection.host=db.internal", "connection.database=meridian");
		assertThat(pgsql.port()).isEqualTo(5432);
		assertThat(pgsql.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/meridian");
		RdbmsConnection mysql = connection("connection.driver=mysql", "connection.host=db.internal", "connection.database=meridian");
		assertThat(mysql.port()).isEqualTo(3306);
		assertThat(mysql.jdbcUrl()).isEqualTo("jdbc:mariadb://db.internal:3306/meridian");
	}

	@Test
	void anIpv6HostIsBracketedInTheUrl() {
		assertThat(connection("connection.driver=pgsql", "connection.host=::1", "connection.port=5433", "connection.database=m").jdbcUrl())
			.isEqualTo("jdbc:postgresql://[::1]:5433/m");
	}

	@Test
	void aFullUrlIsUsedAsGiven() {
		RdbmsConnection connection = connection("connection.driver=pgsql", "connection.url=jdbc:postgresql://a,b/meridian?targetServerType=primary");
		assertThat(connection.jdbcUrl()).isEqualTo("jdbc:postgresql://a,b/meridian?targetServerType=primary");
	}

	@Test
	void aBareKeepaliveIntervalIsSecondsAsInMongooseIm() {
		assertThat(connection("connection.driver=pgsql", "connection.host=db", "connection.database=m", "connection.keepalive_interval=60")
			.keepaliveInterval()).isEqualTo(Duration.ofSeconds(60));
		assertThat(connection("connection.driver=pgsql", "connection.host=db", "connection.database=m", "connection.keepalive-interval=2m")
			.keepaliveInterval()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void mongooseImsTlsKeysBindWithPeerVerificationOnByDefault() {
		RdbmsConnection connection = connection("connection.driver=pgsql", "connection.host=db", "connection.database=m",
				"connection.tls.required=true");
		assertThat(connection.tls()).isEqualTo(new RdbmsConnection.Tls(true, true, null));
		assertThat(connection("connection.driver=pgsql", "connection.host=db", "connection.database=m", "connection.tls.verify_peer=false")
			.tls()).isEqualTo(new RdbmsConnection.Tls(false, false, null));
	}

	@Test
	void aMissingDriverListsTheDrivers() {
		failsWith("meridian.outgoing-pools[0].connection", "driver is required: pgsql, mysql or h2", "connection.host=db");
	}

	@Test
	void anUnknownDriverIsNamed() {
		failsWith("meridian.outgoing-pools[0].connection.driver", "odbc", "connection.driver=odbc", "connection.host=db",
				"connection.database=m");
	}

	@Test
	void aMissingHostOrDatabaseIsNamed() {
		failsWith("meridian.outgoing-pools[0].connection", "host is required (or give a full JDBC url)", "connection.driver=pgsql",
				"connection.database=m");
		failsWith("meridian.outgoing-pools[0].connection", "database is required (or give a full JDBC url)", "connection.driver=mysql",
				"connection.host=db");
	}

	@Test
	void aPortOutOfRangeIsNamed() {
		failsWith("meridian.outgoing-pools[0].connection", "port must be between 1 and 65535, was 0", "connection.driver=pgsql",
				"connection.host=db", "connection.database=m", "connection.port=0");
	}

	@Test
	void aUrlAndAHostTogetherAreRefused() {
		failsWith("meridian.outgoing-pools[0].connection", "give either url or host/port/database, not both", "connection.driver=pgsql",
				"connection.host=db", "connection.url=jdbc:postgresql://db/m");
	}

	@Test
	void aUrlOfAnotherDriverIsRefusedWithoutShowingItsParameters() {
		failsWith("meridian.outgoing-pools[0].connection", "url for driver pgsql must start with 'jdbc:postgresql:', was 'jdbc:mariadb://db/m?...'",
				"connection.driver=pgsql", "connection.url=jdbc:mariadb://db/m?password=hunter2");
		this.runner.withPropertyValues(properties("connection.driver=pgsql", "connection.url=jdbc:mariadb://db/m?password=hunter2"))
			.run(context -> assertThat(context).getFailure().rootCause().message().doesNotContain("hunter2"));
	}

	@Test
	void tlsWithAUrlIsRefused() {
		failsWith("meridian.outgoing-pools[0].connection", "tls cannot be combined with url", "connection.driver=pgsql",
				"connection.url=jdbc:postgresql://db/m", "connection.tls.required=true");
	}

	@Test
	void anUnreadableCaFileIsNamed() {
		failsWith("meridian.outgoing-pools[0].connection.tls", "tls.cafile '/nonexistent/ca.pem' is not a readable file",
				"connection.driver=pgsql", "connection.host=db", "connection.database=m", "connection.tls.cafile=/nonexistent/ca.pem");
	}

	@Test
	void aKeepaliveHikariCannotKeepIsRefused() {
		failsWith("meridian.outgoing-pools[0].connection", "keepalive-interval must be at least 30s (HikariCP's minimum) and under 30m, was 10s",
				"connection.driver=pgsql", "connection.host=db", "connection.database=m", "connection.keepalive-interval=10");
		failsWith("meridian.outgoing-pools[0].connection", "was 1800s", "connection.driver=pgsql", "connection.host=db",
				"connection.database=m", "connection.keepalive-interval=30m");
	}

	@Test
	void h2TakesAUrl() {
		failsWith("meridian.outgoing-pools[0].connection", "the h2 driver takes a url, e.g. jdbc:h2:file:./data/meridian",
				"connection.driver=h2");
	}

	@Test
	void aDriverMissingFromTheClasspathNamesTheArtifactToAdd() {
		// H2 is not on this module's test classpath; the pool fails before any connection is tried.
		this.runner.withPropertyValues(properties("connection.driver=h2", "connection.url=jdbc:h2:mem:meridian"))
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("meridian.outgoing-pools[0] (rdbms, global, default).connection.driver: h2 needs the JDBC driver "
						+ "org.h2.Driver on the classpath; add com.h2database:h2"));
	}

	@Test
	void withoutHikariTheEntryAsksForTheLibrary() {
		this.runner.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.withPropertyValues(properties("connection.driver=pgsql", "connection.host=db", "connection.database=m"))
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("meridian.outgoing-pools[0]: no client library for 'rdbms' pools on the classpath"));
	}

	@Test
	void thePasswordNeverShowsInTheOptions() {
		RdbmsConnection connection = connection("connection.driver=mysql", "connection.host=db", "connection.database=m",
				"connection.username=meridian", "connection.password=s3cret");
		assertThat(connection.toString()).contains("server=jdbc:mariadb://db:3306/m", "username=meridian", "password=******")
			.doesNotContain("s3cret");
		assertThat(connection("connection.driver=pgsql", "connection.url=jdbc:postgresql://db/m?password=s3cret").toString())
			.contains("server=url")
			.doesNotContain("s3cret");
	}

	private RdbmsConnection connection(String... properties) {
		return (RdbmsConnection) bind(properties).connection();
	}

	private PoolDefinition bind(String... properties) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String property : properties(properties)) {
			int eq = property.indexOf('=');
			map.put(property.substring(0, eq), property.substring(eq + 1));
		}
		List<PoolDefinition> definitions = PoolDefinitions.bind(new Binder(new MapConfigurationPropertySource(map)),
				Map.of(PoolType.RDBMS, new RdbmsPoolClientFactory()));
		assertThat(definitions).hasSize(1);
		return definitions.get(0);
	}

	private static String[] properties(String... connection) {
		String[] all = new String[connection.length + 1];
		all[0] = "meridian.outgoing-pools[0].type=rdbms";
		for (int i = 0; i < connection.length; i++) {
			all[i + 1] = "meridian.outgoing-pools[0]." + connection[i];
		}
		return all;
	}

	/** The entry fails to bind, before any connection, with the property and the reason, in the start-up failure too. */
	private void failsWith(String property, String reason, String... properties) {
		assertThatExceptionOfType(PoolConfigurationException.class).isThrownBy(() -> bind(properties))
			.withMessageContaining(property + ": ")
			.withMessageContaining(reason);
		this.runner.withPropertyValues(properties(properties)).run(context -> {
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof PoolConfigurationException)) {
				failure = failure.getCause();
			}
			assertThat(failure).as("a PoolConfigurationException").isNotNull();
			assertThat(failure.getMessage()).contains(property + ": ").contains(reason);
		});
	}

}
