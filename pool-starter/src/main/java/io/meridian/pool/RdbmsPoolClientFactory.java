package io.meridian.pool;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.util.ClassUtils;

/**
 * Makes rdbms clients: a HikariCP pool of {@code workers} connections that starts without
 * its database, and a {@link JdbcTemplate} whose statements end at {@code call-timeout}.
 * PostgreSQL enforces it itself ({@code statement_timeout} set when a connection opens): the
 * driver's own query timeout arms and cancels a timer task on every statement, which costs
 * more than the rest of the pool's bookkeeping. MariaDB's driver turns the query timeout into a
 * {@code SET STATEMENT max_statement_time} prefix, and H2 checks it in-process, so both keep it.
 */
final class RdbmsPoolClientFactory implements PoolClientFactory<RdbmsClient, RdbmsConnection> {

	/** HikariCP's floor for connection and validation timeouts; below it Hikari picks its own. */
	private static final long HIKARI_MIN_TIMEOUT_MS = 250;

	/** PostgreSQL: statement cancelled, by the driver's query timeout or by statement_timeout. */
	private static final String PG_QUERY_CANCELED = "57014";

	/** SQLSTATE classes of {@link #isRefusal}. */
	private static final Set<String> REFUSALS = Set.of("22", "23", "42");

	/** PostgreSQL's start-up options: {@code -c name=value} settings for the session. */
	private static final String PG_OPTIONS = "options";

	/** MariaDB/MySQL: query interrupted, by max_statement_time or the driver's KILL QUERY. */
	private static final String MYSQL_QUERY_INTERRUPTED = "70100";

	/** MariaDB's "Connection was killed" shares that SQLState but is no timeout. */
	private static final int MYSQL_CONNECTION_KILLED = 1927;

	@Override
	public PoolType type() {
		return PoolType.RDBMS;
	}

	@Override
	public Class<RdbmsConnection> connectionType() {
		return RdbmsConnection.class;
	}

	@Override
	public RdbmsClient create(PoolDefinition definition, RdbmsConnection connection) {
		HikariConfig config = hikariConfig(definition, connection);
		HikariDataSource dataSource = new HikariDataSource(config);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		// The subclass translator needs no database metadata, so translating an error never
		// borrows a connection (which would wait again while the database is down).
		jdbc.setExceptionTranslator(new SQLExceptionSubclassTranslator());
		if (connection.driver() != RdbmsConnection.Driver.PGSQL) {
			// The timeout is the template's alone: migrations may use the pooled connections.
			jdbc.setQueryTimeout(queryTimeoutSeconds(definition.options().callTimeout()));
			return new RdbmsClient(dataSource, jdbc, dataSource);
		}
		return new RdbmsClient(dataSource, jdbc, withoutStatementTimeout(config));
	}

	/** Direct PostgreSQL connections with the pool's settings but no statement timeout. */
	private static DataSource withoutStatementTimeout(HikariConfig config) {
		DriverManagerDataSource direct = new DriverManagerDataSource(config.getJdbcUrl(), config.getUsername(), config.getPassword());
		direct.setDriverClassName(config.getDriverClassName());
		Properties properties = new Properties();
		properties.putAll(config.getDataSourceProperties());
		properties.remove(PG_OPTIONS);
		direct.setConnectionProperties(properties);
		return direct;
	}

	static HikariConfig hikariConfig(PoolDefinition definition, RdbmsConnection connection) {
		RdbmsConnection.Driver driver = connection.driver();
		if (!ClassUtils.isPresent(driver.driverClass, RdbmsPoolClientFactory.class.getClassLoader())) {
			throw new PoolConfigurationException(definition.describe() + ".connection.driver: " + driver.configName()
					+ " needs the JDBC driver " + driver.driverClass + " on the classpath; add " + driver.artifact);
		}
		String name = "rdbms-" + definition.host() + "-" + definition.tag();
		HikariConfig config = new HikariConfig();
		config.setPoolName(name);
		config.setDriverClassName(driver.driverClass);
		config.setJdbcUrl(connection.jdbcUrl());
		config.setUsername(connection.username());
		config.setPassword(connection.password());
		driverProperties(connection, name, definition.options().callTimeout()).forEach(config::addDataSourceProperty);
		// A fixed set of one connection per worker, as MongooseIM's rdbms workers.
		config.setMaximumPoolSize(definition.options().workers());
		config.setMinimumIdle(definition.options().workers());
		long callTimeout = Math.max(definition.options().callTimeout().toMillis(), HIKARI_MIN_TIMEOUT_MS);
		config.setConnectionTimeout(callTimeout);
		config.setValidationTimeout(Math.min(callTimeout, Duration.ofSeconds(5).toMillis()));
		// Start without the database: connections are opened in the background once it answers.
		config.setInitializationFailTimeout(-1);
		// No keepalive unless configured, as in MongooseIM (HikariCP's own default is 2 minutes).
		config.setKeepaliveTime((connection.keepaliveInterval() != null) ? connection.keepaliveInterval().toMillis() : 0);
		return config;
	}

	/**
	 * The driver's own properties: TLS, and for PostgreSQL the pool's name in pg_stat_activity
	 * and the call-timeout as the session's statement_timeout.
	 */
	static Map<String, String> driverProperties(RdbmsConnection connection, String poolName, Duration callTimeout) {
		Map<String, String> properties = new LinkedHashMap<>();
		RdbmsConnection.Tls tls = connection.tls();
		switch (connection.driver()) {
			case PGSQL -> {
				properties.put("ApplicationName", poolName);
				properties.put(PG_OPTIONS, "-c statement_timeout=" + Math.max(1, callTimeout.toMillis()));
				if (connection.url() != null) {
					break;
				}
				if (tls == null) {
					properties.put("sslmode", "disable");
				}
				else if (tls.verifyPeer()) {
					properties.put("sslmode", "verify-full");
					if (tls.cafile() != null) {
						properties.put("sslrootcert", tls.cafile());
					}
					else {
						properties.put("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
					}
				}
				else {
					properties.put("sslmode", tls.required() ? "require" : "prefer");
				}
			}
			case MYSQL -> {
				if (connection.url() != null) {
					break;
				}
				if (tls == null) {
					properties.put("sslMode", "disable");
				}
				else if (tls.verifyPeer()) {
					properties.put("sslMode", "verify-full");
					if (tls.cafile() != null) {
						properties.put("serverSslCert", tls.cafile());
					}
				}
				else {
					properties.put("sslMode", "trust");
				}
			}
		}
		return properties;
	}

	/** JDBC query timeouts are whole seconds: round up, and never 0, which means none. */
	static int queryTimeoutSeconds(Duration callTimeout) {
		long seconds = callTimeout.toSeconds() + ((callTimeout.toNanosPart() > 0) ? 1 : 0);
		return (int) Math.max(1, Math.min(seconds, Integer.MAX_VALUE));
	}

	@Override
	public void check(RdbmsClient client) {
		client.jdbc().queryForObject("select 1", Integer.class);
	}

	@Override
	public boolean isTimeout(Throwable error) {
		return PoolClientFactory.anyCause(error, cause -> cause instanceof QueryTimeoutException || cause instanceof SQLTimeoutException
				|| cause instanceof SQLTransientConnectionException
				|| (cause instanceof SQLException sql && (PG_QUERY_CANCELED.equals(sql.getSQLState())
						|| (MYSQL_QUERY_INTERRUPTED.equals(sql.getSQLState()) && sql.getErrorCode() != MYSQL_CONNECTION_KILLED))));
	}

	/**
	 * The SQLSTATE classes of a statement the server refused on its merits (SQL:2011 and every
	 * supported driver): 22 data exception, 23 integrity constraint violation (duplicate keys),
	 * 42 syntax error or access rule violation.
	 */
	@Override
	public boolean isRefusal(Throwable error) {
		return PoolClientFactory.anyCause(error, cause -> cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
				&& REFUSALS.contains(sql.getSQLState().substring(0, 2)));
	}

	@Override
	public void close(RdbmsClient client) {
		if (client.dataSource() instanceof HikariDataSource hikari) {
			hikari.close();
		}
	}

}
