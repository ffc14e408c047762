package io.meridian.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where the servers are: MERIDIAN_IT_* as scripts/meridian-infra env prints them, else the local defaults. */
record Endpoints(String postgres, String redis) {

	/** Connections on each side; the same on both so that only the pool's own work differs. */
	static final int WORKERS = 4;

	static Endpoints fromEnvironment() {
		return new Endpoints(env("MERIDIAN_IT_POSTGRES", "127.0.0.1:5432"), env("MERIDIAN_IT_REDIS", "127.0.0.1:6379"));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	Map<String, Object> poolProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		String prefix = "meridian.outgoing-pools[0].";
		properties.put(prefix + "type", "rdbms");
		properties.put(prefix + "pool.workers", WORKERS);
		properties.put(prefix + "connection.driver", "pgsql");
		properties.put(prefix + "connection.host", host(this.postgres));
		properties.put(prefix + "connection.port", port(this.postgres));
		properties.put(prefix + "connection.database", "test");
		properties.put(prefix + "connection.username", "postgres");
		String redis = "meridian.outgoing-pools[1].";
		properties.put(redis + "type", "redis");
		properties.put(redis + "pool.workers", WORKERS);
		properties.put(redis + "connection.host", host(this.redis));
		properties.put(redis + "connection.port", port(this.redis));
		return properties;
	}

	static String host(String endpoint) {
		return endpoint.substring(0, endpoint.lastIndexOf(':'));
	}

	static int port(String endpoint) {
		return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
	}

}
