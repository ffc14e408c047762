package io.meridian.pool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Connection options of an {@code rdbms} pool, as MongooseIM's
 * {@code outgoing_pools.rdbms.*.connection}. The server is given either by {@code host},
 * {@code port} and {@code database} or by a full JDBC {@code url}, never both.
 *
 * @param driver {@code pgsql} (PostgreSQL) or {@code mysql} (MySQL and MariaDB, through the MariaDB driver)
 * @param host the server's host; required unless {@code url} is given
 * @param port the server's port; 5432 for pgsql, 3306 for mysql
 * @param database the database to use; required unless {@code url} is given
 * @param username the user to log in as
 * @param password the user's password; never logged
 * @param url a full JDBC URL ({@code jdbc:postgresql:...} or {@code jdbc:mariadb:...}) instead of host, port and database
 * @param keepaliveInterval how often idle connections are checked, broken ones being replaced; none by default, at
 * least 30s; a bare number is seconds, as in MongooseIM
 * @param tls TLS to the server; plain TCP when absent
 */
public record RdbmsConnection(Driver driver, String host, Integer port, String database, String username, String password,
		String url, @DurationUnit(ChronoUnit.SECONDS) Duration keepaliveInterval, Tls tls) {

	/** HikariCP does not keep alive more often than this; it would silently turn keepalive off instead. */
	static final Duration MIN_KEEPALIVE = Duration.ofSeconds(30);

	/** HikariCP replaces every connection after 30 minutes anyway, and ignores a keepalive that long. */
	static final Duration MAX_KEEPALIVE = Duration.ofMinutes(30);

	public RdbmsConnection {
		if (driver == null) {
			throw new IllegalArgumentException("driver is required: pgsql, mysql or h2");
		}
		if (driver == Driver.H2 && url == null) {
			throw new IllegalArgumentException("the h2 driver takes a url, e.g. jdbc:h2:file:./data/meridian");
		}
		if (url != null) {
			if (host != null || port != null || database != null) {
				throw new IllegalArgumentException("give either url or host/port/database, not both");
			}
			if (!url.startsWith(driver.scheme)) {
				throw new IllegalArgumentException("url for driver " + driver.configName() + " must start with '" + driver.scheme
						+ "', was '" + url.replaceAll("\\?.*", "?...") + "'");
			}
			if (tls != null) {
				throw new IllegalArgumentException("tls cannot be combined with url; put the driver's TLS parameters in the url");
			}
		}
		else {
			if (host == null || host.isBlank()) {
				throw new IllegalArgumentException("host is required (or give a full JDBC url)");
			}
			if (database == null || database.isBlank()) {
				throw new IllegalArgumentException("database is required (or give a full JDBC url)");
			}
			if (port == null) {
				port = driver.defaultPort;
			}
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
			}
		}
		if (keepaliveInterval != null
				&& (keepaliveInterval.compareTo(MIN_KEEPALIVE) < 0 || keepaliveInterval.compareTo(MAX_KEEPALIVE) >= 0)) {
			throw new IllegalArgumentException("keepalive-interval must be at least 30s (HikariCP's minimum) and under 30m, was "
					+ keepaliveInterval.toSeconds() + "s");
		}
	}

	/** The JDBC URL the pool connects to: {@code url} as given, or built from host, port and database. */
	public String jdbcUrl() {
		if (this.url != null) {
			return this.url;
		}
		String address = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		return this.driver.scheme + "//" + address + ":" + this.port + "/" + this.database;
	}

	/** Hides the password, since the options end up in log lines and failure messages. */
	@Override
	public String toString() {
		return "RdbmsConnection[driver=" + this.driver.configName() + ", server=" + ((this.url != null) ? "url" : jdbcUrl())
				+ ", username=" + this.username + ", password=" + ((this.password != null) ? "******" : null)
				+ ", keepaliveInterval=" + this.keepaliveInterval + ", tls=" + this.tls + "]";
	}

	/** The database servers an rdbms pool talks to, each through its own JDBC driver. */
	public enum Driver {

		PGSQL("jdbc:postgresql:", 5432, "org.postgresql.Driver", "org.postgresql:postgresql"),

		MYSQL("jdbc:mariadb:", 3306, "org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client"),

		/** Embedded, for a single node with no database server: takes a {@code jdbc:h2:file:} url only. */
		H2("jdbc:h2:", 0, "org.h2.Driver", "com.h2database:h2");

		final String scheme;

		final int defaultPort;

		final String driverClass;

		final String artifact;

		Driver(String scheme, int defaultPort, String driverClass, String artifact) {
			this.scheme = scheme;
			this.defaultPort = defaultPort;
			this.driverClass = driverClass;
			this.artifact = artifact;
		}

		public String configName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * TLS to the database server. PostgreSQL can fall back to plain TCP when {@code required}
	 * is false and the peer is not verified; MariaDB's driver always uses TLS once asked to.
	 *
	 * @param required whether the connection must use TLS (pgsql without verify-peer falls back to plain TCP otherwise)
	 * @param verifyPeer whether the server's certificate and host name are verified; verification always needs TLS
	 * @param cafile PEM file of the certificate authorities trusted for verify-peer; the JVM's trust store when absent
	 */
	public record Tls(boolean required, @DefaultValue("true") boolean verifyPeer, String cafile) {

		public Tls {
			if (cafile != null && !Files.isReadable(Path.of(cafile))) {
				throw new IllegalArgumentException("tls.cafile '" + cafile + "' is not a readable file");
			}
		}

	}

}
