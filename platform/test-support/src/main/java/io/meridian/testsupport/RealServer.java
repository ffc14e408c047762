package io.meridian.testsupport;

import java.util.function.Supplier;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The real servers Meridian's integration tests use, with the port each listens on locally
 * (as {@code scripts/meridian-infra} starts it) and the container that stands in for it on a
 * machine with a Docker engine.
 */
public enum RealServer {

	POSTGRES("PostgreSQL", 5432, () -> new GenericContainer<>("postgres:15-alpine")
		.withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
		.withEnv("POSTGRES_DB", "test")
		.waitingFor(Wait.forLogMessage(".*ready to accept connections.*\\n", 2))),

	MARIADB("MariaDB", 3306, () -> new GenericContainer<>("mariadb:10.11")
		.withEnv("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "1")
		.withEnv("MARIADB_DATABASE", "test")
		.waitingFor(Wait.forLogMessage(".*ready for connections.*\\n", 2))),

	REDIS("Redis", 6379, () -> new GenericContainer<>("redis:7.0-alpine")),

	RABBITMQ("RabbitMQ", 5672, () -> new GenericContainer<>("rabbitmq:3.10-alpine")
		.waitingFor(Wait.forLogMessage(".*Server startup complete.*\\n", 1))),

	CASSANDRA("Cassandra", 9042, () -> new GenericContainer<>("cassandra:5.0")
		.withEnv("MAX_HEAP_SIZE", "512M")
		.withEnv("HEAP_NEWSIZE", "128M")
		.waitingFor(Wait.forLogMessage(".*Starting listening for CQL clients.*\\n", 1))),

	ZOOKEEPER("ZooKeeper", 2181, () -> new GenericContainer<>("zookeeper:3.8")),

	ETCD("etcd", 2379, () -> new GenericContainer<>("quay.io/coreos/etcd:v3.4.35")
		.withCommand("etcd", "--listen-client-urls", "http://0.0.0.0:2379", "--advertise-client-urls",
				"http://127.0.0.1:2379")),

	LDAP("LDAP", 3890, () -> new GenericContainer<>("osixia/openldap:1.5.0")
		.withEnv("LDAP_DOMAIN", "meridian.test")
		.withEnv("LDAP_ADMIN_PASSWORD", "secret")
		.withCommand("--copy-service")),

	OPENSEARCH("OpenSearch", 9200, () -> new GenericContainer<>("opensearchproject/opensearch:2.19.1")
		.withEnv("discovery.type", "single-node")
		.withEnv("DISABLE_SECURITY_PLUGIN", "true")
		.withEnv("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m"));

	private final String displayName;

	private final int localPort;

	private final Supplier<GenericContainer<?>> container;

	RealServer(String displayName, int localPort, Supplier<GenericContainer<?>> container) {
		this.displayName = displayName;
		this.localPort = localPort;
		this.container = container;
	}

	public String displayName() {
		return this.displayName;
	}

	/** The port the server listens on when started on this machine. */
	public int localPort() {
		return this.localPort;
	}

	/** {@code MERIDIAN_IT_POSTGRES} and so on: {@code host:port} of a server to use as it is. */
	public String environmentVariable() {
		return "MERIDIAN_IT_" + name();
	}

	/** Lower-case name as {@code scripts/meridian-infra} knows it. */
	public String scriptName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	GenericContainer<?> newContainer() {
		// The container's own port is the one it listens on inside, which for LDAP is 389.
		GenericContainer<?> c = this.container.get();
		return c.withExposedPorts(this == LDAP ? 389 : this.localPort);
	}

}
