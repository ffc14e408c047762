package io.meridian.gateway;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import io.meridian.domains.DomainServiceApplication;
import io.meridian.domains.api.DomainError;
import io.meridian.domains.api.DomainRefusedException;
import io.meridian.domains.api.DomainServiceClient;
import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.domain.DomainTable;
import io.meridian.gateway.transport.C2sListener;
import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Dynamic domains end to end: the real domain-service on PostgreSQL and Redis, two gateway
 * nodes following it (node A nudged through Redis, node B by polling alone), and Smack clients
 * logging in on both.
 */
class DynamicDomainsIT {

	private static final Duration CONVERGED = Duration.ofSeconds(20);

	private static final String SCHEMA = "dyn_it_" + ProcessHandle.current().pid();

	private static Endpoint pg;

	private static int domainServicePort;

	private static ConfigurableApplicationContext domainService;

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	private static ManagedChannel channel;

	private static DomainServiceClient domains;

	private final List<XMPPTCPConnection> clients = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		pg = RealServers.locate(RealServer.POSTGRES);
		sql("create schema if not exists " + SCHEMA);
		try (ServerSocket free = new ServerSocket(0)) {
			domainServicePort = free.getLocalPort();
		}
		String channelName = "meridian:domains:" + SCHEMA;
		domainService = startDomainService(channelName);
		nodeA = startNode("a", channelName, true);
		nodeB = startNode("b", channelName, false);
		channel = ManagedChannelBuilder.forAddress("127.0.0.1", domainServicePort).usePlaintext().build();
		domains = new DomainServiceClient(channel, Duration.ofSeconds(10));
	}

	@AfterAll
	static void stop() throws Exception {
		if (channel != null) {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { nodeA, nodeB, domainService }) {
			if (context != null) {
				context.close();
			}
		}
		sql("drop schema if exists " + SCHEMA + " cascade");
	}

	@AfterEach
	void disconnect() {
		this.clients.forEach(XMPPTCPConnection::disconnect);
	}

	@Test
	void aDomainAddedOverTheApiIsServedOnBothNodesAndDisablingItEndsItsSessions() throws Exception {
		String domain = "tenant-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		domains.add(domain, "tenants");
		awaitServed(domain, true);
		nodeA.getBean(Accounts.class).register("alice", domain, "pw");

		XMPPTCPConnection onA = login(nodeA, "a", domain);
		XMPPTCPConnection onB = login(nodeB, "b", domain);
		BlockingQueue<String> ended = new LinkedBlockingQueue<>();
		for (XMPPTCPConnection client : List.of(onA, onB)) {
			client.addConnectionListener(new ConnectionListener() {
				@Override
				public void connectionClosedOnError(Exception e) {
					ended.add((e instanceof XMPPException.StreamErrorException error) ? error.getStreamError().getCondition().toString()
							: e.toString());
				}
			});
		}

		domains.disable(domain);
		assertThat(ended.poll(20, TimeUnit.SECONDS)).isEqualTo("host-gone");
		assertThat(ended.poll(20, TimeUnit.SECONDS)).isEqualTo("host-gone");
		awaitServed(domain, false);
		assertThatThrownBy(() -> login(nodeB, "b", domain)).hasMessageContaining("host-unknown");

		domains.enable(domain);
		awaitServed(domain, true);
		login(nodeA, "a", domain);
		login(nodeB, "b", domain);

		domains.remove(domain);
		awaitServed(domain, false);
	}

	@Test
	void staticDomainsAreUntouchedByEveryCall() {
		for (Runnable call : List.<Runnable>of(() -> domains.remove("localhost"), () -> domains.disable("localhost"),
				() -> domains.add("localhost", "tenants"))) {
			assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainRefusedException.class,
					ex -> assertThat(ex.error()).isEqualTo(DomainError.STATIC_DOMAIN));
		}
		assertThat(nodeA.getBean(DomainTable.class).isLocked("localhost")).isTrue();
		assertThat(nodeB.getBean(DomainTable.class).isServed("localhost")).isTrue();
	}

	@Test
	void changesMadeWhileDomainServiceRestartsAreNotLost() {
		String before = "before-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		domains.add(before, "tenants");
		awaitServed(before, true);

		domainService.close();
		domainService = startDomainService("meridian:domains:" + SCHEMA);
		String after = "after-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		domains.add(after, "tenants");
		domains.remove(before);
		awaitServed(after, true);
		awaitServed(before, false);
	}

	private static void awaitServed(String domain, boolean served) {
		await().atMost(CONVERGED).untilAsserted(() -> {
			assertThat(nodeA.getBean(DomainTable.class).isServed(domain)).as("node a serves " + domain).isEqualTo(served);
			assertThat(nodeB.getBean(DomainTable.class).isServed(domain)).as("node b serves " + domain).isEqualTo(served);
		});
	}

	private XMPPTCPConnection login(ConfigurableApplicationContext node, String name, String domain) throws Exception {
		XMPPTCPConnection client = new XMPPTCPConnection(GatewayIt
			.smack(data(name), node.getBean(C2sListener.class).port(), "alice", "pw", "SCRAM-SHA-1")
			.setXmppDomain(domain)
			// The generated certificate names the static domains only; the client is told to trust it anyway.
			.setHostnameVerifier((host, session) -> true)
			.build());
		this.clients.add(client);
		client.connect().login();
		return client;
	}

	private static ConfigurableApplicationContext startDomainService(String channelName) {
		Endpoint redis = RealServers.locate(RealServer.REDIS);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.grpc.server.port", domainServicePort);
		properties.put("server.port", 0);
		properties.put("meridian.node.name", "domains-it");
		properties.put("meridian.domains.host-types", "tenants");
		properties.put("meridian.domains.static[localhost]", "localhost");
		properties.put("meridian.domains.redis.host", redis.host());
		properties.put("meridian.domains.redis.port", redis.port());
		properties.put("meridian.domains.redis.channel", channelName);
		rdbms(properties);
		properties.put("spring.config.name", "domain-service-it");
		return new SpringApplicationBuilder(DomainServiceApplication.class).web(WebApplicationType.NONE).run(arguments(properties));
	}

	private static ConfigurableApplicationContext startNode(String name, String channelName, boolean nudged) {
		FileSystemUtils.deleteRecursively(data(name).toFile());
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.profiles.active", "dynamic-domains-it");
		properties.put("meridian.node.name", "node-" + name);
		properties.put("meridian.data-dir", data(name).toString());
		properties.put("meridian.hosts", "localhost");
		properties.put("meridian.host-types", "tenants");
		properties.put("meridian.c2s.port", 0);
		properties.put("meridian.c2s.direct-tls-port", -1);
		properties.put("meridian.c2s.bind-address", "127.0.0.1");
		properties.put("server.port", 0);
		properties.put("spring.grpc.server.port", 0);
		properties.put("meridian.domain-service.address", "127.0.0.1:" + domainServicePort);
		properties.put("meridian.domain-service.poll-interval", "1s");
		properties.put("meridian.domain-service.nudge-channel", channelName);
		rdbms(properties);
		if (nudged) {
			Endpoint redis = RealServers.locate(RealServer.REDIS);
			properties.put("meridian.outgoing-pools[1].type", "redis");
			properties.put("meridian.outgoing-pools[1].connection.host", redis.host());
			properties.put("meridian.outgoing-pools[1].connection.port", redis.port());
		}
		return new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.NONE).run(arguments(properties));
	}

	/** As command line arguments, which win over the application's own configuration files. */
	private static String[] arguments(Map<String, Object> properties) {
		return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	/** The global rdbms pool on the real PostgreSQL, in this test's schema. */
	private static void rdbms(Map<String, Object> properties) {
		properties.put("meridian.outgoing-pools[0].type", "rdbms");
		properties.put("meridian.outgoing-pools[0].connection.driver", "pgsql");
		properties.put("meridian.outgoing-pools[0].connection.url",
				"jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/test?currentSchema=" + SCHEMA);
		properties.put("meridian.outgoing-pools[0].connection.username", "postgres");
	}

	private static Path data(String node) {
		return Path.of(".", "target", "dynamic-domains-it", node);
	}

	private static void sql(String statement) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/test", "postgres", "");
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

}
