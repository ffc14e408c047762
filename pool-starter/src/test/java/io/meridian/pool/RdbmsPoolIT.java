package io.meridian.pool;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** rdbms pools against real PostgreSQL and MariaDB: queries, connections, timeouts, outages, credentials, TLS. */
class RdbmsPoolIT {

	/** The two database servers, with the user the test servers accept. */
	enum Database {

		PGSQL(RealServer.POSTGRES, "postgres", "select pg_sleep(3)"),

		MYSQL(RealServer.MARIADB, "root", "select sleep(3)");

		final RealServer server;

		final String username;

		final String slowQuery;

		Database(RealServer server, String username, String slowQuery) {
			this.server = server;
			this.username = username;
			this.slowQuery = slowQuery;
		}

		Endpoint endpoint() {
			return RealServers.locate(this.server);
		}

		String driver() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** A connection of the test's own, to look at PostgreSQL from outside the pool. */
	private static SingleConnectionDataSource observer;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	private final String tag = "it-" + UUID.randomUUID().toString().substring(0, 8);

	private final String table = "meridian_it_" + this.tag.substring(3);

	@BeforeAll
	static void connectObserver() {
		observer = new SingleConnectionDataSource("jdbc:postgresql://" + Database.PGSQL.endpoint().hostAndPort() + "/test", "postgres", "",
				true);
	}

	@AfterAll
	static void closeObserver() {
		observer.destroy();
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void rowsWrittenThroughThePoolAreReadBack(Database db) {
		this.runner.withPropertyValues(pool(db)).run(context -> {
			OutgoingPool<RdbmsClient> pool = pool(context);
			pool.call(c -> {
				c.jdbc().execute("create table " + this.table + " (jid varchar(100), status varchar(20))");
				return c.jdbc().update("insert into " + this.table + " values (?, ?)", "alice@a.example", "online");
			});
			try {
				assertThat(pool.<String>call(c -> c.jdbc().queryForObject("select status from " + this.table + " where jid = ?",
						String.class, "alice@a.example"))).isEqualTo("online");
			}
			finally {
				pool.call(c -> {
					c.jdbc().execute("drop table " + this.table);
					return null;
				});
			}
		});
	}

	@Test
	void eachWorkerHoldsOneConnectionNamedAfterThePoolUntilTheContextCloses() {
		this.runner.withPropertyValues(pool(Database.PGSQL, "pool.workers=3")).run(context -> {
			await().untilAsserted(() -> assertThat(pgConnections("rdbms-global-" + this.tag)).isEqualTo(3));
		});
		await().untilAsserted(() -> assertThat(pgConnections("rdbms-global-" + this.tag)).isZero());
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aQueryOverTheCallTimeoutFailsAsATimeoutAndThePoolCarriesOn(Database db) {
		this.runner.withPropertyValues(pool(db, "pool.workers=1", "pool.call-timeout=1s")).run(context -> {
			OutgoingPool<RdbmsClient> pool = pool(context);
			assertThatThrownBy(() -> pool.call(c -> c.jdbc().queryForList(db.slowQuery)))
				.isInstanceOf(PoolCallTimeoutException.class)
				.hasMessageContaining("(rdbms, global, " + this.tag + "): call exceeded call-timeout 1000 ms");
			assertThat(meters(context).get("meridian.pool.timeouts").counter().count()).isEqualTo(1);
			assertThat(pool.<Integer>call(c -> c.jdbc().queryForObject("select 1", Integer.class))).isEqualTo(1);
		});
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void schemaMigrationsRunLongerThanTheCallTimeoutOutsideThePool(Database db) {
		this.runner.withPropertyValues(pool(db, "pool.workers=1", "pool.call-timeout=1s")).run(context -> {
			RdbmsClient client = pool(context).client();
			assertThat(new JdbcTemplate(client.schemaDataSource()).queryForList(db.slowQuery)).hasSize(1);
		});
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aBadQueryFailsWithSpringsErrorAndIsNoTimeout(Database db) {
		this.runner.withPropertyValues(pool(db)).run(context -> {
			OutgoingPool<RdbmsClient> pool = pool(context);
			assertThatThrownBy(() -> pool.call(c -> c.jdbc().queryForList("select * from meridian_no_such_table")))
				.isInstanceOf(BadSqlGrammarException.class)
				.hasMessageContaining("meridian_no_such_table");
			assertThat(meters(context).get("meridian.pool.errors").counter().count()).isEqualTo(1);
			assertThat(meters(context).get("meridian.pool.timeouts").counter().count()).isZero();
		});
	}

	/** A duplicate key, a bad value or bad SQL is the server answering: the circuit stays closed for every other call. */
	@ParameterizedTest
	@EnumSource(Database.class)
	void refusedStatementsDoNotOpenTheCircuit(Database db) {
		this.runner.withPropertyValues(pool(db, "pool.circuit-breaker.minimum-calls=5")).run(context -> {
			OutgoingPool<RdbmsClient> pool = pool(context);
			pool.call(c -> {
				c.jdbc().execute("create table " + this.table + " (jid varchar(10) primary key)");
				return c.jdbc().update("insert into " + this.table + " values ('alice')");
			});
			try {
				for (int i = 0; i < 20; i++) {
					assertThatThrownBy(() -> pool.call(c -> c.jdbc().update("insert into " + this.table + " values ('alice')")))
						.isInstanceOf(DuplicateKeyException.class);
				}
				assertThatThrownBy(() -> pool.call(c -> c.jdbc().update("insert into " + this.table + " values ('far too long a name')")))
					.isInstanceOf(DataIntegrityViolationException.class);
				assertThatThrownBy(() -> pool.call(c -> c.jdbc().queryForList("select * from meridian_no_such_table")))
					.isInstanceOf(BadSqlGrammarException.class);
				assertThat(pool.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
				assertThat(pool.<Integer>call(c -> c.jdbc().queryForObject("select count(*) from " + this.table, Integer.class))).isEqualTo(1);
				assertThat(meters(context).get("meridian.pool.errors").counter().count()).isEqualTo(22);
			}
			finally {
				pool.call(c -> {
					c.jdbc().execute("drop table " + this.table);
					return null;
				});
			}
		});
	}

	@Test
	void aPoolWhoseDatabaseIsDownStartsAndConnectsOnceItIsUp() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.to(Database.PGSQL.endpoint())) {
			this.runner.withPropertyValues(pool(Database.PGSQL, proxy, "pool.workers=2", "pool.call-timeout=1s",
					"pool.circuit-breaker.wait-in-open=100ms")).run(context -> {
				assertThat(context).hasNotFailed();
				OutgoingPool<RdbmsClient> pool = pool(context);
				// HikariCP waits call-timeout for a connection that cannot come.
				assertThatThrownBy(() -> pool.call(c -> c.jdbc().queryForObject("select 1", Integer.class)))
					.isInstanceOf(PoolCallTimeoutException.class);
				assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);

				proxy.start();
				await().ignoreExceptions()
					.untilAsserted(() -> assertThat(pool.<Integer>call(c -> c.jdbc().queryForObject("select 1", Integer.class))).isEqualTo(1));
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			});
		}
	}

	@Test
	void aRequiredPoolWhoseDatabaseIsDownStopsTheStartSayingWhatToDo() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.to(Database.PGSQL.endpoint())) {
			this.runner.withPropertyValues(pool(Database.PGSQL, proxy, "required=true", "pool.call-timeout=1s"))
				.run(context -> assertThat(context).getFailure()
					.hasMessageContaining("meridian.outgoing-pools[0] (rdbms, global, " + this.tag + ") is required but its server does not answer")
					.hasMessageContaining("set 'required: false' to start without it"));
		}
	}

	@Test
	void afterTheDatabaseGoesAwayThePoolReconnectsOnceItIsBack() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.to(Database.PGSQL.endpoint()).start()) {
			this.runner.withPropertyValues(pool(Database.PGSQL, proxy, "pool.workers=2", "pool.call-timeout=2s",
					"pool.circuit-breaker.wait-in-open=100ms")).run(context -> {
				OutgoingPool<RdbmsClient> pool = pool(context);
				assertThat(pool.<Integer>call(c -> c.jdbc().queryForObject("select 1", Integer.class))).isEqualTo(1);

				proxy.stop();
				assertThatThrownBy(() -> pool.call(c -> c.jdbc().queryForObject("select 1", Integer.class)))
					.isInstanceOf(RuntimeException.class);

				proxy.start();
				await().ignoreExceptions()
					.untilAsserted(() -> assertThat(pool.<Integer>call(c -> c.jdbc().queryForObject("select 1", Integer.class))).isEqualTo(1));
				await().untilAsserted(() -> assertThat(pgConnections("rdbms-global-" + this.tag)).isEqualTo(2));
			});
		}
	}

	@Test
	void aWrongPasswordIsTheReasonEveryCallFails() {
		this.runner.withPropertyValues(pool(Database.MYSQL, "pool.call-timeout=1s", "connection.password=wrong"))
			.run(context -> assertThatThrownBy(() -> pool(context).call(c -> c.jdbc().queryForObject("select 1", Integer.class)))
				.hasStackTraceContaining("Access denied for user 'root'"));
	}

	@Test
	void anUnknownUserIsTheReasonEveryCallFails() {
		String user = "nobody_" + this.tag.substring(3);
		this.runner.withPropertyValues(pool(Database.PGSQL, "pool.call-timeout=1s", "connection.username=" + user))
			.run(context -> assertThatThrownBy(() -> pool(context).call(c -> c.jdbc().queryForObject("select 1", Integer.class)))
				.hasStackTraceContaining("role \"" + user + "\" does not exist"));
	}

	@Test
	void tlsIsNotGivenUpForAServerWithoutIt() {
		// The test servers run without TLS: asking for it must fail rather than fall back to plain text.
		for (String tls : new String[] { "connection.tls.required=true", "connection.tls.verify-peer=true" }) {
			this.runner.withPropertyValues(pool(Database.PGSQL, "pool.call-timeout=1s", tls, "connection.tls.verify-peer=" + tls.endsWith("peer=true")))
				.run(context -> assertThatThrownBy(() -> pool(context).call(c -> c.jdbc().queryForObject("select 1", Integer.class)))
					.hasStackTraceContaining("The server does not support SSL"));
		}
		this.runner.withPropertyValues(pool(Database.MYSQL, "pool.call-timeout=1s", "connection.tls.verify-peer=false"))
			.run(context -> assertThatThrownBy(() -> pool(context).call(c -> c.jdbc().queryForObject("select 1", Integer.class)))
				.hasStackTraceContaining("ssl not enabled in the server"));
	}

	@Test
	void optionalTlsFallsBackToPlainTextOnPostgresql() {
		this.runner.withPropertyValues(pool(Database.PGSQL, "required=true", "connection.tls.required=false", "connection.tls.verify-peer=false"))
			.run(context -> assertThat(pool(context).<Boolean>call(c -> c.jdbc()
				.queryForObject("select ssl from pg_stat_ssl where pid = pg_backend_pid()", Boolean.class))).isFalse());
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aFullJdbcUrlConnects(Database db) {
		Endpoint endpoint = db.endpoint();
		String url = ((db == Database.PGSQL) ? "jdbc:postgresql://" : "jdbc:mariadb://") + endpoint.hostAndPort() + "/test";
		this.runner.withPropertyValues(properties("type=rdbms", "tag=" + this.tag, "required=true", "connection.driver=" + db.driver(),
				"connection.url=" + url, "connection.username=" + db.username))
			.run(context -> assertThat(pool(context).<Integer>call(c -> c.jdbc().queryForObject("select 1", Integer.class))).isEqualTo(1));
	}

	@Test
	void hostPoolsGetConnectionsOfTheirOwnPerDomainUntilItIsRemoved() {
		this.runner.withPropertyValues(pool(Database.PGSQL, "host=host", "pool.workers=1"))
			.withPropertyValues("meridian.hosts=a.example,b.example")
			.run(context -> {
				OutgoingPools pools = context.getBean(OutgoingPools.class);
				OutgoingPool<RdbmsClient> a = pools.get(PoolType.RDBMS, "a.example", this.tag);
				assertThat(a).isNotSameAs(pools.get(PoolType.RDBMS, "b.example", this.tag));
				await().untilAsserted(() -> assertThat(pgConnectionsOfThisTest()).isEqualTo(2));
				pools.hostRemoved("b.example");
				await().untilAsserted(() -> assertThat(pgConnectionsOfThisTest()).isEqualTo(1));
				assertThat(a.<Integer>call(c -> c.jdbc().queryForObject("select 1", Integer.class))).isEqualTo(1);
			});
	}

	private String[] pool(Database db, String... extra) {
		Endpoint endpoint = db.endpoint();
		return pool(db, endpoint.host(), endpoint.port(), extra);
	}

	private String[] pool(Database db, ForwardingProxy proxy, String... extra) {
		return pool(db, "127.0.0.1", proxy.port(), extra);
	}

	private String[] pool(Database db, String host, int port, String... extra) {
		Stream<String> base = Stream.of("type=rdbms", "tag=" + this.tag, "connection.driver=" + db.driver(), "connection.host=" + host,
				"connection.port=" + port, "connection.database=test", "connection.username=" + db.username);
		return properties(Stream.concat(base, Arrays.stream(extra)).toArray(String[]::new));
	}

	private static String[] properties(String... entry) {
		return Arrays.stream(entry).map(p -> "meridian.outgoing-pools[0]." + p).toArray(String[]::new);
	}

	private OutgoingPool<RdbmsClient> pool(AssertableApplicationContext context) {
		return context.getBean(OutgoingPools.class).get(PoolType.RDBMS, "global", this.tag);
	}

	private static SimpleMeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(SimpleMeterRegistry.class);
	}

	private org.springframework.boot.health.contributor.Health health(AssertableApplicationContext context) {
		return ((HealthIndicator) context.getBean(OutgoingPoolsHealthContributor.class).getContributor("rdbms-global-" + this.tag)).health();
	}

	/** PostgreSQL's own count of the connections with this application name. */
	private static int pgConnections(String applicationName) {
		return new JdbcTemplate(observer).queryForObject("select count(*) from pg_stat_activity where application_name = ?", Integer.class, applicationName);
	}

	private int pgConnectionsOfThisTest() {
		return new JdbcTemplate(observer).queryForObject("select count(*) from pg_stat_activity where application_name like ?", Integer.class,
				"rdbms-%-" + this.tag);
	}

}
