package io.meridian.admin;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.util.FileSystemUtils;

import io.meridian.domains.DomainServiceApplication;
import io.meridian.gateway.GatewayApplication;
import io.meridian.gateway.transport.C2sListener;
import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;

/**
 * The real services behind admin-api, started once per test JVM inside it: the gateway with its
 * accounts in the real PostgreSQL, and domain-service with a schema of its own in the same
 * server and its nudges on a Redis channel of its own. Each reads no configuration file, so
 * that admin-api's application.yml (first on the test classpath) does not leak into it: what
 * its own application.yml would say is given here.
 */
final class Services {

	/** The domains the gateway serves. */
	static final String DOMAIN = "localhost";

	static final String OTHER_DOMAIN = "other.test";

	/** domain-service's static domain, locked against every change. */
	static final String STATIC_DOMAIN = "static.example";

	private static Services started;

	private final ConfigurableApplicationContext gateway;

	private final ConfigurableApplicationContext domainService;

	private final Path gatewayData;

	private Services(ConfigurableApplicationContext gateway, Path gatewayData, ConfigurableApplicationContext domainService) {
		this.gateway = gateway;
		this.gatewayData = gatewayData;
		this.domainService = domainService;
	}

	static synchronized Services start() {
		if (started == null) {
			Endpoint pg = RealServers.locate(RealServer.POSTGRES);
			Endpoint redis = RealServers.locate(RealServer.REDIS);
			String run = ProcessHandle.current().pid() + "_" + System.nanoTime();

			Path data = Path.of("target", "admin-api-it-gateway").toAbsolutePath();
			// A fresh data dir: the certificate the gateway generates must name this run's domains.
			FileSystemUtils.deleteRecursively(data.toFile());
			ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.NONE)
				.run(args("spring.config.name=admin-api-it-gateway", "spring.application.name=xmpp-gateway", "meridian.node.name=gw-admin-it",
						"meridian.hosts=" + DOMAIN + "," + OTHER_DOMAIN, "meridian.data-dir=" + data, "meridian.c2s.bind-address=127.0.0.1",
						"meridian.c2s.port=0", "meridian.c2s.direct-tls-port=-1", "spring.grpc.server.host=127.0.0.1", "spring.grpc.server.port=0",
						"meridian.outgoing-pools[0].type=rdbms", "meridian.outgoing-pools[0].pool.workers=4",
						"meridian.outgoing-pools[0].connection.driver=pgsql", "meridian.outgoing-pools[0].connection.host=" + pg.host(),
						"meridian.outgoing-pools[0].connection.port=" + pg.port(), "meridian.outgoing-pools[0].connection.database=test",
						"meridian.outgoing-pools[0].connection.username=postgres", "spring.grpc.server.health.enabled=true",
						"spring.grpc.server.health.actuator.health-indicator-paths=readinessState",
						"spring.grpc.server.health.actuator.update-initial-delay=0s", "spring.grpc.server.health.actuator.update-rate=1s"));

			String schema = "admin_api_it_" + run;
			execute(pg, "create schema " + schema);
			ConfigurableApplicationContext domainService = new SpringApplicationBuilder(DomainServiceApplication.class)
				.web(WebApplicationType.NONE)
				.run(args("spring.config.name=admin-api-it-domain-service", "spring.application.name=domain-service",
						"meridian.node.name=ds-admin-it", "spring.grpc.server.host=127.0.0.1", "spring.grpc.server.port=0",
						"spring.grpc.server.health.enabled=true", "spring.grpc.server.health.actuator.health-indicator-paths=readinessState",
						"spring.grpc.server.health.actuator.update-initial-delay=0s", "spring.grpc.server.health.actuator.update-rate=1s",
						"meridian.domains.host-types=type1,type2", "meridian.domains.static[" + STATIC_DOMAIN + "]=type-static",
						"meridian.domains.redis.host=" + redis.host(), "meridian.domains.redis.port=" + redis.port(),
						"meridian.domains.redis.channel=meridian:domains:admin-it-" + run, "meridian.outgoing-pools[0].type=rdbms",
						"meridian.outgoing-pools[0].pool.workers=4", "meridian.outgoing-pools[0].connection.driver=pgsql",
						"meridian.outgoing-pools[0].connection.url=" + url(pg) + "?currentSchema=" + schema,
						"meridian.outgoing-pools[0].connection.username=postgres"));

			started = new Services(gateway, data, domainService);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				domainService.close();
				gateway.close();
				execute(pg, "drop schema if exists " + schema + " cascade");
			}, "admin-api-it-services"));
		}
		return started;
	}

	int gatewayGrpcPort() {
		return this.gateway.getBean(GrpcServerLifecycle.class).getPort();
	}

	int domainServiceGrpcPort() {
		return this.domainService.getBean(GrpcServerLifecycle.class).getPort();
	}

	int c2sPort() {
		return this.gateway.getBean(C2sListener.class).port();
	}

	/** A Smack client of {@code domain} on 127.0.0.1, STARTTLS required, trusting the gateway's generated certificate. */
	XMPPTCPConnectionConfiguration.Builder smack(String domain, String user, String password) throws Exception {
		return XMPPTCPConnectionConfiguration.builder()
			.setXmppDomain(domain)
			.setHost("127.0.0.1")
			.setPort(c2sPort())
			.setSecurityMode(SecurityMode.required)
			.setCustomX509TrustManager(trustManager())
			.setUsernameAndPassword(user, password)
			.setSendPresence(false);
	}

	private X509TrustManager trustManager() throws Exception {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		try (InputStream in = Files.newInputStream(this.gatewayData.resolve("tls/server.crt"))) {
			store.setCertificateEntry("meridian", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		return (X509TrustManager) factory.getTrustManagers()[0];
	}

	private static String[] args(String... properties) {
		List<String> args = new ArrayList<>();
		for (String property : properties) {
			args.add("--" + property);
		}
		return args.toArray(String[]::new);
	}

	private static String url(Endpoint pg) {
		return "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/test";
	}

	private static void execute(Endpoint pg, String sql) {
		try (Connection connection = DriverManager.getConnection(url(pg), "postgres", null); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

}
