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
 * The real databases of the integration tests, with a schema (PostgreSQL) or a database
 * (MariaDB) of their own per test class, so that runs sharing the server (other services'
 * tests, other checkouts) never see each other's domains.
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

	/** Creates a fresh database and points the global rdbms pool at it. @return the database */
	static String mariadbDatabase(DynamicPropertyRegistry registry, String prefix) {
		Endpoint db = RealServers.locate(RealServer.MARIADB);
		String database = prefix + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
		execute(mariadbUrl(db, "test"), "root", "", "create database " + database);
		registry.add("meridian.outgoing-pools[0].type", () -> "rdbms");
		registry.add("meridian.outgoing-pools[0].pool.workers", () -> 4);
		registry.add("meridian.outgoing-pools[0].connection.driver", () -> "mysql");
		registry.add("meridian.outgoing-pools[0].connection.url", () -> mariadbUrl(db, database));
		registry.add("meridian.outgoing-pools[0].connection.username", () -> "root");
		return database;
	}

	static void dropMariadbDatabase(String database) {
		if (database != null) {
			execute(mariadbUrl(RealServers.locate(RealServer.MARIADB), "test"), "root", "", "drop database if exists " + database);
		}
	}

	private static String mariadbUrl(Endpoint db, String database) {
		return "jdbc:mariadb://" + db.host() + ":" + db.port() + "/" + database;
	}

	private static String url(Endpoint pg) {
		return "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/test";
	}

	private static void execute(Endpoint pg, String sql) {
		execute(url(pg), "postgres", null, sql);
	}

	private static void execute(String url, String user, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(url + ": " + sql + ": " + ex.getMessage(), ex);
		}
	}

}
