package io.meridian.bench.domains;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import io.meridian.domains.DomainServiceApplication;
import io.meridian.domains.api.DomainServiceClient;
import io.meridian.gateway.GatewayApplication;
import io.meridian.gateway.domain.DomainTable;
import io.meridian.gateway.transport.C2sListener;
import io.meridian.testsupport.Endpoint;

/**
 * domain-service and gateway nodes in this JVM, as deployed: every node nudged through Redis
 * pub/sub and polling as well. One PostgreSQL schema of the run's own for both services' tables
 * and one Redis channel of its own, so that nothing clashes with tests or other runs on the same
 * servers. Neither service reads a configuration file (each jar has an application.yml and only
 * one would be found): what they need is given here.
 */
final class Cluster implements AutoCloseable {

	static final String HOST_TYPE = "bench";

	private final Endpoint pg;

	private final Endpoint redis;

	private final Duration pollInterval;

	private final String schema = "domain_bench_" + ProcessHandle.current().pid();

	private final int domainServicePort;

	private final List<Node> nodes = new ArrayList<>();

	private final ManagedChannel channel;

	private final DomainServiceClient domains;

	private ConfigurableApplicationContext domainService;

	/**
	 * @param pg the PostgreSQL server of both services
	 * @param redis the Redis server of the nudges
	 * @param pollInterval how often each node reads the event log when no nudge came
	 */
	Cluster(Endpoint pg, Endpoint redis, Duration pollInterval) {
		this.pg = pg;
		this.redis = redis;
		this.pollInterval = pollInterval;
		sql("create schema if not exists " + this.schema);
		try (ServerSocket free = new ServerSocket(0)) {
			this.domainServicePort = free.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port for domain-service", ex);
		}
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.domainServicePort).usePlaintext().build();
		this.domains = new DomainServiceClient(this.channel, Duration.ofSeconds(10));
	}

	DomainServiceClient domains() {
		return this.domains;
	}

	List<Node> nodes() {
		return this.nodes;
	}

	/** The channel the nodes listen on. */
	String nudgeChannel() {
		return "meridian:domains:" + this.schema;
	}

	/**
	 * (Re)starts domain-service on its port.
	 *
	 * @param channel where it publishes nudges: {@link #nudgeChannel()}, or any other for nudges no node receives
	 */
	void startDomainService(String channel) {
		if (this.domainService != null) {
			this.domainService.close();
		}
		Map<String, Object> properties = common("domain-service", "domain-bench-service");
		properties.put("spring.grpc.server.port", this.domainServicePort);
		properties.put("meridian.domains.host-types", HOST_TYPE);
		properties.put("meridian.domains.static[localhost]", "localhost");
		properties.put("meridian.domains.redis.host", this.redis.host());
		properties.put("meridian.domains.redis.port", this.redis.port());
		properties.put("meridian.domains.redis.channel", channel);
		this.domainService = new SpringApplicationBuilder(DomainServiceApplication.class).web(WebApplicationType.NONE)
			.run(arguments(properties));
	}

	/** Starts a gateway node serving static domain {@code localhost} and following domain-service. */
	Node startNode(String name) {
		Path data = Path.of("target", "domain-bench", name).toAbsolutePath();
		FileSystemUtils.deleteRecursively(data.toFile());
		Map<String, Object> properties = common("xmpp-gateway", "domain-bench-" + name);
		properties.put("spring.grpc.server.port", 0);
		properties.put("meridian.data-dir", data);
		properties.put("meridian.hosts", "localhost");
		properties.put("meridian.host-types", HOST_TYPE);
		properties.put("meridian.c2s.port", 0);
		properties.put("meridian.c2s.direct-tls-port", -1);
		properties.put("meridian.c2s.bind-address", "127.0.0.1");
		properties.put("meridian.domain-service.address", "127.0.0.1:" + this.domainServicePort);
		properties.put("meridian.domain-service.poll-interval", this.pollInterval.toMillis() + "ms");
		properties.put("meridian.domain-service.nudge-channel", nudgeChannel());
		properties.put("meridian.outgoing-pools[1].type", "redis");
		properties.put("meridian.outgoing-pools[1].connection.host", this.redis.host());
		properties.put("meridian.outgoing-pools[1].connection.port", this.redis.port());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.NONE)
			.run(arguments(properties));
		Node node = new Node(name, context, context.getBean(DomainTable.class), context.getBean(C2sListener.class).port());
		this.nodes.add(node);
		return node;
	}

	/** What every service of the run is given: no configuration file, quiet logs, the rdbms pool in the run's schema. */
	private Map<String, Object> common(String application, String nodeName) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.config.name", "domain-bench-none");
		properties.put("spring.application.name", application);
		properties.put("spring.main.banner-mode", "off");
		// A line per domain served would cost more than what is measured.
		properties.put("logging.level.root", "warn");
		properties.put("meridian.node.name", nodeName);
		properties.put("server.port", 0);
		properties.put("meridian.outgoing-pools[0].type", "rdbms");
		properties.put("meridian.outgoing-pools[0].pool.workers", 4);
		properties.put("meridian.outgoing-pools[0].connection.driver", "pgsql");
		properties.put("meridian.outgoing-pools[0].connection.url", jdbcUrl() + "?currentSchema=" + this.schema);
		properties.put("meridian.outgoing-pools[0].connection.username", "postgres");
		return properties;
	}

	@Override
	public void close() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		for (Node node : this.nodes) {
			node.context().close();
		}
		if (this.domainService != null) {
			this.domainService.close();
		}
		sql("drop schema if exists " + this.schema + " cascade");
	}

	private static String[] arguments(Map<String, Object> properties) {
		return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	private String jdbcUrl() {
		return "jdbc:postgresql://" + this.pg.host() + ":" + this.pg.port() + "/test";
	}

	private void sql(String statement) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", ""); Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(statement + ": " + ex.getMessage(), ex);
		}
	}

	/** A gateway node: its domain table, and the c2s port a client connects to. */
	record Node(String name, ConfigurableApplicationContext context, DomainTable table, int c2sPort) {
	}

}
