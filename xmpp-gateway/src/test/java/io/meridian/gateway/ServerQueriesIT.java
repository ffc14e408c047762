package io.meridian.gateway;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.time.EntityTimeManager;
import org.jivesoftware.smackx.time.packet.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.modules.roster.RosterChanges;
import io.meridian.gateway.modules.roster.Subscription;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.transport.C2sListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** What a stock client asks the server about itself: service discovery, software version and time (XEP-0030, 0092, 0202). */
@SpringBootTest(properties = { "meridian.c2s.port=0", "meridian.c2s.direct-tls-port=-1", "spring.grpc.server.port=0",
		"meridian.c2s.bind-address=127.0.0.1", "server.port=0", "meridian.hosts=localhost,closed.test",
		"meridian.registration.domains=localhost", "meridian.disco.name=Meridian Test" })
@ActiveProfiles("postgres-it")
class ServerQueriesIT {

	private static final Path DATA = GatewayIt.dataDir("server-queries-it");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		GatewayIt.postgres(registry, DATA);
	}

	@Autowired
	C2sListener c2s;

	@Autowired
	Accounts accounts;

	@Autowired
	RosterChanges rosters;

	private final List<XMPPTCPConnection> connections = new ArrayList<>();

	@AfterEach
	void disconnect() {
		this.connections.forEach(XMPPTCPConnection::disconnect);
	}

	@Test
	void theServerIsAnImServerWithTheFeaturesOfItsModules() throws Exception {
		XMPPTCPConnection connection = login("localhost");
		DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(connection).discoverInfo(domain("localhost"));
		assertThat(info.getIdentities()).singleElement().satisfies(identity -> {
			assertThat(identity.getCategory()).isEqualTo("server");
			assertThat(identity.getType()).isEqualTo("im");
			assertThat(identity.getName()).isEqualTo("Meridian Test");
		});
		assertThat(info.getFeatures()).extracting(DiscoverInfo.Feature::getVar)
			.contains("http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items", "urn:xmpp:ping",
					"jabber:iq:roster", "jabber:iq:version", "urn:xmpp:time", "jabber:iq:register")
			.doesNotHaveDuplicates();
		assertThat(ServiceDiscoveryManager.getInstanceFor(connection).discoverItems(domain("localhost")).getItems()).isEmpty();
	}

	@Test
	void registrationIsListedOnlyWhereItIsOpen() throws Exception {
		XMPPTCPConnection connection = login("closed.test");
		DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(connection).discoverInfo(domain("closed.test"));
		assertThat(info.containsFeature("urn:xmpp:ping")).isTrue();
		assertThat(info.containsFeature("jabber:iq:register")).isFalse();
	}

	@Test
	void anUnknownNodeIsItemNotFound() throws Exception {
		XMPPTCPConnection connection = login("localhost");
		assertThatThrownBy(() -> ServiceDiscoveryManager.getInstanceFor(connection).discoverInfo(domain("localhost"), "no-such-node"))
			.isInstanceOfSatisfying(XMPPException.XMPPErrorException.class,
					ex -> assertThat(ex.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found));
	}

	@Test
	void theServerAnswersForTheUsersOwnAccount() throws Exception {
		XMPPTCPConnection connection = login("localhost");
		DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(connection).discoverInfo(connection.getUser().asBareJid());
		assertThat(info.getIdentities()).singleElement().satisfies(identity -> {
			assertThat(identity.getCategory()).isEqualTo("account");
			assertThat(identity.getType()).isEqualTo("registered");
		});
	}

	@Test
	void theVersionIsMeridiansBuildWithoutTheOperatingSystem() throws Exception {
		XMPPTCPConnection connection = login("localhost");
		Version version = VersionManager.getInstanceFor(connection).getVersion(domain("localhost"));
		assertThat(version.getName()).isEqualTo("Meridian");
		assertThat(version.getVersion()).isNotBlank().isNotEqualTo("unknown");
		assertThat(version.getOs()).isNull();
	}

	@Test
	void theTimeIsTheServersInUtcWithItsOffset() throws Exception {
		XMPPTCPConnection connection = login("localhost");
		Time time = EntityTimeManager.getInstanceFor(connection).getTime(domain("localhost"));
		assertThat(time.getTzo()).matches("[+-]\\d\\d:\\d\\d");
		assertThat(time.getUtc()).endsWith("Z");
		Instant utc = OffsetDateTime.parse(time.getUtc()).toInstant();
		// The server and this test share one clock: the answer is today's time, not a default.
		assertThat(utc).isCloseTo(Instant.now(), within(1, ChronoUnit.HOURS));
	}

	@Test
	void anotherAccountIsDiscoveredOnlyByThoseWhoSeeItsPresence() throws Exception {
		XMPPTCPConnection alice = login("localhost");
		XMPPTCPConnection friend = login("localhost");
		XMPPTCPConnection stranger = login("localhost");
		Jid aliceJid = Jid.parse(alice.getUser().asBareJid().toString());
		this.rosters.settle(Jid.parse(friend.getUser().asBareJid().toString()), aliceJid, Subscription.TO);

		DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(friend).discoverInfo(alice.getUser().asBareJid());
		assertThat(info.getIdentities()).singleElement()
			.satisfies(identity -> assertThat(identity.getCategory() + "/" + identity.getType()).isEqualTo("account/registered"));
		assertThatThrownBy(() -> ServiceDiscoveryManager.getInstanceFor(stranger).discoverInfo(alice.getUser().asBareJid()))
			.isInstanceOfSatisfying(XMPPException.XMPPErrorException.class, ex -> assertThat(ex.getStanzaError().getCondition())
				.isEqualTo(StanzaError.Condition.service_unavailable));
	}

	private XMPPTCPConnection login(String domain) throws Exception {
		String user = "q-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.register(user, domain, "pw");
		XMPPTCPConnection connection = new XMPPTCPConnection(
				GatewayIt.smack(DATA, this.c2s.port(), user, "pw", "SCRAM-SHA-1").setXmppDomain(domain).build());
		this.connections.add(connection);
		connection.connect().login();
		return connection;
	}

	private static DomainBareJid domain(String domain) throws Exception {
		return JidCreate.domainBareFrom(domain);
	}

}
