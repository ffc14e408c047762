package io.meridian.pool;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of outgoing pool, named as in configuration. */
public enum PoolType {

	RDBMS("com.zaxxer:HikariCP and org.springframework:spring-jdbc, plus the JDBC driver"), REDIS("io.lettuce:lettuce-core"),
	CASSANDRA("org.apache.cassandra:java-driver-core"),
	HTTP("org.springframework:spring-webflux and io.projectreactor.netty:reactor-netty-http"),
	RABBIT("org.springframework.amqp:spring-rabbit"), LDAP("org.springframework.ldap:spring-ldap-core"),
	ELASTIC("org.opensearch.client:opensearch-rest-client"), GENERIC("nothing");

	private final String clientLibrary;

	PoolType(String clientLibrary) {
		this.clientLibrary = clientLibrary;
	}

	/** The dependencies an application adds for pools of this type. */
	public String clientLibrary() {
		return this.clientLibrary;
	}

	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses a configured type; unknown and retired types fail with what to use instead. */
	public static PoolType fromConfig(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("'type' is required, one of " + names());
		}
		String name = value.trim().toLowerCase(Locale.ROOT);
		if (name.equals("riak")) {
			throw new IllegalArgumentException("'riak' is not supported: Riak KV is no longer maintained upstream; "
					+ "use 'cassandra' or 'rdbms' instead");
		}
		return Arrays.stream(values())
			.filter(t -> t.configName().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown type '" + value + "', expected one of " + names()));
	}

	private static String names() {
		return Arrays.stream(values()).map(PoolType::configName).collect(Collectors.joining(", "));
	}

}
