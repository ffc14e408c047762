package io.meridian.domains;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;

/**
 * The real PostgreSQL of the integration tests, with a schema of their own per test class, so
 * that runs sharing the server (other services' tests, other checkouts) never see each other's
 * domains.
 */
final class ItServers {

	private ItServers() {
	}

	/** Creates a fresh schema and points the global rdbms pool at it. @return the schema */
	static String postgresSchema(DynamicPropertyRegistry registry, String prefix) {
		Endpoint pg = RealServers.locate(RealServer.POSTGRES);
		String schema = prefix + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
		execute(pg, "create schema " + schema);
		registry.add("meridian.outgoing-pools[0].type", () -> "rdbms");
		registry.add("meridian.outgoing-pools[0].pool.workers", () -> 4);
		registry.add("meridian.outgoing-pools[0].connection.driver", () -> "pgsql");
		registry.add("meridian.outgoing-pools[0].connection.url", () -> url(pg) + "?currentSchema=" + schema);
		registry.add("meridian.outgoing-pools[0].connection.username", () -> "postgres");
		return schema;
	}

	static void dropSchema(String schema) {
		if (schema != null) {
			execute(RealServers.locate(RealServer.POSTGRES), "drop schema if exists " + schema + " cascade");
		}
	}

	private static String url(Endpoint pg) {
		return "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/test";
	}

	private static void execute(Endpoint pg, String sql) {
		try (Connection connection = DriverManager.getConnection(url(pg), "postgres", null);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + pg.hostAndPort() + ": " + sql + ": " + ex.getMessage(), ex);
		}
	}

}
