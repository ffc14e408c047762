package io.meridian.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import io.meridian.domains.api.DomainError;
import io.meridian.domains.api.DomainRefusedException;
import io.meridian.domains.api.DomainServiceClient;
import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.domain.DomainTable;
import io.meridian.gateway.transport.C2sListener;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dynamic domains end to end: the real domain-service on PostgreSQL and Redis, two gateway
 * nodes following it (node A nudged through Redis, node B by polling alone), and Smack clients
 * logging in on both. Outages (Redis killed, domain-service restarted) are in
 * {@link DomainOutagesIT}.
 */
class DynamicDomainsIT {

	private static DomainsCluster cluster;

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	private static DomainServiceClient domains;

	private final List<XMPPTCPConnection> clients = new ArrayList<>();

	@BeforeAll
	static void start() {
		cluster = new DomainsCluster("dynamic-domains-it");
		cluster.startDomainService(RealServers.locate(RealServer.REDIS));
		nodeA = cluster.startNode("a", RealServers.locate(RealServer.REDIS));
		nodeB = cluster.startNode("b", null);
		domains = cluster.domains();
	}

	@AfterAll
	static void stop() throws Exception {
		if (cluster != null) {
			cluster.close();
		}
	}

	@AfterEach
	void disconnect() {
		this.clients.forEach(XMPPTCPConnection::disconnect);
	}

	@Test
	void aDomainAddedOverTheApiIsServedOnBothNodesAndDisablingItEndsItsSessions() throws Exception {
		String domain = "tenant-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		domains.add(domain, "tenants");
		cluster.awaitServed(true, domain);
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
		cluster.awaitServed(false, domain);
		assertThatThrownBy(() -> login(nodeB, "b", domain)).hasMessageContaining("host-unknown");

		domains.enable(domain);
		cluster.awaitServed(true, domain);
		login(nodeA, "a", domain);
		login(nodeB, "b", domain);

		domains.remove(domain);
		cluster.awaitServed(false, domain);
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

	private XMPPTCPConnection login(ConfigurableApplicationContext node, String name, String domain) throws Exception {
		XMPPTCPConnection client = new XMPPTCPConnection(GatewayIt
			.smack(cluster.data(name), node.getBean(C2sListener.class).port(), "alice", "pw", "SCRAM-SHA-1")
			.setXmppDomain(domain)
			// The generated certificate names the static domains only; the client is told to trust it anyway.
			.setHostnameVerifier((host, session) -> true)
			.build());
		this.clients.add(client);
		client.connect().login();
		return client;
	}

}
