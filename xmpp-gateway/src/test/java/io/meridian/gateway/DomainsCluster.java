package io.meridian.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import io.meridian.gateway.transport.C2sListener;
import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real domain-service and gateway nodes following it, in this JVM: one PostgreSQL schema
 * of their own for both services' tables, one Redis channel of their own for the nudges.
 * domain-service keeps its gRPC port across restarts, as a Kubernetes service would.
 */
final class DomainsCluster implements AutoCloseable {

	static final String HOST_TYPE = "tenants";

	static final Duration CONVERGED = Duration.ofSeconds(30);

	private final Endpoint pg = RealServers.locate(RealServer.POSTGRES);

	private final String name;

	private final String schema;

	private final int domainServicePort;

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	private final ManagedChannel channel;

	private final DomainServiceClient domains;

	private ConfigurableApplicationContext domainService;

	/** @param name names the schema, the channel and the nodes' data directories under {@code target} */
	DomainsCluster(String name) {
		this.name = name;
		this.schema = name.replace('-', '_') + "_" + ProcessHandle.current().pid();
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

	String nudgeChannel() {
		return "meridian:domains:" + this.schema;
	}

	ConfigurableApplicationContext domainService() {
		return this.domainService;
	}

	/** Starts domain-service on its port, nudging through {@code redis}. */
	ConfigurableApplicationContext startDomainService(Endpoint redis) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.grpc.server.port", this.domainServicePort);
		properties.put("server.port", 0);
		properties.put("meridian.node.name", this.name + "-domains");
		properties.put("meridian.domains.host-types", HOST_TYPE);
		properties.put("meridian.domains.static[localhost]", "localhost");
		properties.put("meridian.domains.redis.host", redis.host());
		properties.put("meridian.domains.redis.port", redis.port());
		properties.put("meridian.domains.redis.channel", nudgeChannel());
		rdbms(properties);
		properties.put("spring.config.name", "domain-service-it");
		this.domainService = new SpringApplicationBuilder(DomainServiceApplication.class).web(WebApplicationType.NONE)
			.run(arguments(properties));
		return this.domainService;
	}

	/** Stops domain-service as a rolling restart does: in-flight calls finish, then the port closes. */
	void stopDomainService() {
		this.domainService.close();
		this.domainService = null;
	}

	/**
	 * Starts a gateway node with static domain {@code localhost}, polling every second.
	 *
	 * @param redis where it takes nudges from, or null for a node that only polls
	 */
	ConfigurableApplicationContext startNode(String node, Endpoint redis) {
		FileSystemUtils.deleteRecursively(data(node).toFile());
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.profiles.active", "dynamic-domains-it");
		properties.put("meridian.node.name", this.name + "-" + node);
		properties.put("meridian.data-dir", data(node).toString());
		properties.put("meridian.hosts", "localhost");
		properties.put("meridian.host-types", HOST_TYPE);
		properties.put("meridian.c2s.port", 0);
		properties.put("meridian.c2s.direct-tls-port", -1);
		properties.put("meridian.c2s.bind-address", "127.0.0.1");
		properties.put("server.port", 0);
		properties.put("spring.grpc.server.port", 0);
		properties.put("meridian.domain-service.address", "127.0.0.1:" + this.domainServicePort);
		properties.put("meridian.domain-service.poll-interval", "1s");
		properties.put("meridian.domain-service.nudge-channel", nudgeChannel());
		rdbms(properties);
		if (redis != null) {
			properties.put("meridian.outgoing-pools[1].type", "redis");
			properties.put("meridian.outgoing-pools[1].connection.host", redis.host());
			properties.put("meridian.outgoing-pools[1].connection.port", redis.port());
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.NONE)
			.run(arguments(properties));
		this.nodes.add(context);
		return context;
	}

	Path data(String node) {
		return Path.of(".", "target", this.name, node);
	}

	/** Waits until every node accepts a stream to each domain (served) or refuses it with {@code host-unknown}. */
	void awaitServed(boolean served, String... domains) {
		await().atMost(CONVERGED).untilAsserted(() -> assertServed(served, domains));
	}

	void assertServed(boolean served, String... domains) throws IOException {
		for (ConfigurableApplicationContext node : this.nodes) {
			for (String domain : domains) {
				assertThat(acceptsStream(node, domain)).as("%s serves %s", node.getEnvironment().getProperty("meridian.node.name"), domain)
					.isEqualTo(served);
			}
		}
	}

	/** What a client sees: {@code <stream:features>} for a domain the node serves, {@code host-unknown} otherwise. */
	static boolean acceptsStream(ConfigurableApplicationContext node, String domain) throws IOException {
		try (XmppClientSocket socket = new XmppClientSocket(node.getBean(C2sListener.class).port())) {
			socket.send(XmppClientSocket.header(domain));
			String answer = socket.readUntil("<stream:features>");
			if (answer.contains("<stream:features>")) {
				return true;
			}
			assertThat(answer).contains("host-unknown");
			return false;
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		this.nodes.forEach(ConfigurableApplicationContext::close);
		if (this.domainService != null) {
			this.domainService.close();
		}
		sql("drop schema if exists " + this.schema + " cascade");
	}

	/** As command line arguments, which win over the application's own configuration files. */
	private static String[] arguments(Map<String, Object> properties) {
		return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	/** The global rdbms pool on the real PostgreSQL, in this cluster's schema. */
	private void rdbms(Map<String, Object> properties) {
		properties.put("meridian.outgoing-pools[0].type", "rdbms");
		properties.put("meridian.outgoing-pools[0].connection.driver", "pgsql");
		properties.put("meridian.outgoing-pools[0].connection.url",
				"jdbc:postgresql://" + this.pg.host() + ":" + this.pg.port() + "/test?currentSchema=" + this.schema);
		properties.put("meridian.outgoing-pools[0].connection.username", "postgres");
	}

	private void sql(String statement) {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + this.pg.host() + ":" + this.pg.port() + "/test",
				"postgres", ""); Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(statement + ": " + ex.getMessage(), ex);
		}
	}

}
