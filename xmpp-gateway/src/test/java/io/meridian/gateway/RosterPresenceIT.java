package io.meridian.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;


import org.awaitility.core.ConditionFactory;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener.SubscribeAnswer;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.transport.C2sListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Rosters and presence as a stock client (Smack) sees them (RFC 6121), over real sockets, with
 * rosters in real PostgreSQL. Every user is fresh, so tests share the database without meeting.
 */
@SpringBootTest(properties = { "meridian.c2s.port=0", "meridian.c2s.direct-tls-port=0", "spring.grpc.server.port=0", "meridian.c2s.bind-address=127.0.0.1",
		"server.port=0", "meridian.hosts=localhost,verona.test" })
@ActiveProfiles("postgres-it")
class RosterPresenceIT {

	private static final Path DATA = GatewayIt.dataDir("roster-presence-it");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		GatewayIt.postgres(registry, DATA);
	}

	@Autowired
	C2sListener c2s;

	@Autowired
	Accounts accounts;

	private final List<XMPPTCPConnection> connections = new ArrayList<>();

	@AfterEach
	void disconnect() {
		this.connections.forEach(XMPPTCPConnection::disconnect);
	}

	@Test
	void twoUsersAddEachOtherAndSeeBothSubscriptionsAndEachOthersPresence() throws Exception {
		User alice = user("localhost");
		User bob = user("verona.test");
		XMPPTCPConnection a = login(alice, "laptop");
		XMPPTCPConnection b = login(bob, "phone");
		Roster aliceRoster = approvingRoster(a);
		Roster bobRoster = approvingRoster(b);
		available(a);
		available(b);

		aliceRoster.createItemAndRequestSubscription(bob.jid(), "Bob", new String[] { "Friends" });

		eventually().until(() -> type(aliceRoster, bob) == ItemType.both && type(bobRoster, alice) == ItemType.both);
		RosterEntry entry = aliceRoster.getEntry(bob.jid());
		assertThat(entry.getName()).isEqualTo("Bob");
		assertThat(entry.getGroups()).extracting(g -> g.getName()).containsExactly("Friends");
		assertThat(entry.isSubscriptionPending()).isFalse();
		eventually().until(() -> aliceRoster.getPresence(bob.jid()).isAvailable() && bobRoster.getPresence(alice.jid()).isAvailable());
		assertThat(aliceRoster.getPresence(bob.jid()).getFrom().toString()).isEqualTo(bob.jid() + "/phone");
	}

	@Test
	void theRosterSurvivesAReconnectAndContactsSeeTheUserLeaveAndComeBack() throws Exception {
		User alice = user("localhost");
		User bob = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		Roster aliceRoster = approvingRoster(a);
		available(a);
		XMPPTCPConnection b = login(bob, "phone");
		befriend(aliceRoster, alice, b, bob);

		b.disconnect();
		eventually().until(() -> !aliceRoster.getPresence(bob.jid()).isAvailable());

		XMPPTCPConnection again = login(bob, "tablet");
		Roster bobRoster = Roster.getInstanceFor(again);
		eventually().until(bobRoster::isLoaded);
		RosterEntry entry = bobRoster.getEntry(alice.jid());
		assertThat(entry).isNotNull();
		assertThat(entry.getType()).isEqualTo(ItemType.both);
		assertThat(entry.getName()).isEqualTo("Alice");
		assertThat(entry.getGroups()).extracting(g -> g.getName()).containsExactlyInAnyOrder("Family", "Work");

		available(again);
		// The initial presence is probed: Bob learns Alice is online, and Alice sees Bob back.
		eventually().until(() -> bobRoster.getPresence(alice.jid()).isAvailable());
		eventually().until(() -> aliceRoster.getPresence(bob.jid()).isAvailable());
		assertThat(aliceRoster.getPresence(bob.jid()).getFrom().toString()).isEqualTo(bob.jid() + "/tablet");
	}

	@Test
	void aUsersResourcesSeeEachOtherWithTheirPriorities() throws Exception {
		User bob = user("localhost");
		XMPPTCPConnection phone = login(bob, "phone");
		Roster phoneView = Roster.getInstanceFor(phone);
		available(phone, 1);
		XMPPTCPConnection tablet = login(bob, "tablet");
		Roster tabletView = Roster.getInstanceFor(tablet);
		available(tablet, 5);

		eventually().until(() -> tabletView.getAvailablePresences(bob.jid()).size() == 2);
		eventually().until(() -> phoneView.getAvailablePresences(bob.jid()).size() == 2);
		Presence seen = phoneView.getPresenceResource(JidCreate.fullFrom(bob.jid() + "/tablet"));
		assertThat(seen.isAvailable()).isTrue();
		assertThat(seen.getPriority()).isEqualTo(5);
		assertThat(tabletView.getPresenceResource(JidCreate.fullFrom(bob.jid() + "/phone")).getPriority()).isEqualTo(1);
	}

	@Test
	void anUnchangedRosterVersionIsAnsweredWithAnEmptyResult() throws Exception {
		User alice = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		Roster roster = Roster.getInstanceFor(a);
		assertThat(roster.isRosterVersioningSupported()).isTrue();
		roster.createItem(user("localhost").jid(), "First", null);

		RosterPacket full = a.sendIqRequestAndWaitForResponse(rosterGet(""));
		assertThat(full.getRosterItems()).hasSize(1);
		String version = full.getVersion();
		assertThat(version).isNotEmpty();

		IQ unchanged = a.sendIqRequestAndWaitForResponse(rosterGet(version));
		assertThat(unchanged.getType()).isEqualTo(IQ.Type.result);
		assertThat(unchanged).isNotInstanceOf(RosterPacket.class);
		assertThat(unchanged.getChildElementName()).isNull();

		roster.createItem(user("localhost").jid(), "Second", null);
		RosterPacket changed = a.sendIqRequestAndWaitForResponse(rosterGet(version));
		assertThat(changed.getRosterItems()).extracting(RosterPacket.Item::getName).containsExactlyInAnyOrder("First", "Second");
		assertThat(changed.getVersion()).isNotEqualTo(version);
	}

	@Test
	void aRequestToAnOfflineUserIsDeliveredAtEachLoginUntilAnswered() throws Exception {
		User alice = user("localhost");
		User bob = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		Roster aliceRoster = Roster.getInstanceFor(a);
		available(a);

		aliceRoster.createItemAndRequestSubscription(bob.jid(), "Bob", null);
		eventually().until(() -> aliceRoster.getEntry(bob.jid()) != null && aliceRoster.getEntry(bob.jid()).isSubscriptionPending());
		assertThat(type(aliceRoster, bob)).isEqualTo(ItemType.none);

		for (String resource : List.of("phone", "tablet")) {
			XMPPTCPConnection b = login(bob, resource);
			Roster bobRoster = Roster.getInstanceFor(b);
			bobRoster.setSubscriptionMode(Roster.SubscriptionMode.manual);
			BlockingQueue<Presence> requests = new LinkedBlockingQueue<>();
			b.addAsyncStanzaListener(s -> requests.add((Presence) s), PresenceTypeFilter.SUBSCRIBE);
			available(b);
			Presence request = requests.poll(10, TimeUnit.SECONDS);
			assertThat(request).as("the stored request at login on " + resource).isNotNull();
			assertThat(request.getFrom().toString()).isEqualTo(alice.jid().toString());
			// RFC 6121 3.1.3: asking does not put the asker on the contact's roster.
			assertThat(bobRoster.getEntry(alice.jid())).isNull();
			if (resource.equals("tablet")) {
				b.sendStanza(b.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.subscribed).to(alice.jid()).build());
				eventually().until(() -> type(aliceRoster, bob) == ItemType.to && type(bobRoster, alice) == ItemType.from);
				eventually().until(() -> aliceRoster.getPresence(bob.jid()).isAvailable());
			}
			b.disconnect();
		}

		XMPPTCPConnection later = login(bob, "desk");
		BlockingQueue<Presence> requests = new LinkedBlockingQueue<>();
		later.addAsyncStanzaListener(s -> requests.add((Presence) s), PresenceTypeFilter.SUBSCRIBE);
		available(later);
		ping(later);
		assertThat(requests).as("an answered request is not delivered again").isEmpty();
	}

	@Test
	void unsubscribingStopsTheContactsPresenceAndLeavesTheOtherDirection() throws Exception {
		User alice = user("localhost");
		User bob = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		Roster aliceRoster = approvingRoster(a);
		available(a);
		XMPPTCPConnection b = login(bob, "phone");
		Roster bobRoster = befriend(aliceRoster, alice, b, bob);
		BlockingQueue<Presence> received = new LinkedBlockingQueue<>();
		b.addAsyncStanzaListener(s -> received.add((Presence) s), PresenceTypeFilter.UNSUBSCRIBE);

		a.sendStanza(a.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.unsubscribe).to(bob.jid()).build());

		eventually().until(() -> type(aliceRoster, bob) == ItemType.from && type(bobRoster, alice) == ItemType.to);
		eventually().until(() -> !aliceRoster.getPresence(bob.jid()).isAvailable());
		assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull().satisfies(p -> assertThat(p.getFrom().toString()).isEqualTo(alice.jid().toString()));
		assertThat(bobRoster.getPresence(alice.jid()).isAvailable()).as("Bob still sees Alice").isTrue();
	}

	@Test
	void removingAContactEndsBothSubscriptionsAndTheContactSeesTheUserGo() throws Exception {
		User alice = user("localhost");
		User bob = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		Roster aliceRoster = approvingRoster(a);
		available(a);
		XMPPTCPConnection b = login(bob, "phone");
		Roster bobRoster = befriend(aliceRoster, alice, b, bob);
		BlockingQueue<Presence.Type> told = new LinkedBlockingQueue<>();
		b.addAsyncStanzaListener(s -> told.add(((Presence) s).getType()), s -> s instanceof Presence p
				&& (p.getType() == Presence.Type.unsubscribe || p.getType() == Presence.Type.unsubscribed));

		aliceRoster.removeEntry(aliceRoster.getEntry(bob.jid()));

		eventually().until(() -> aliceRoster.getEntry(bob.jid()) == null);
		eventually().until(() -> type(bobRoster, alice) == ItemType.none);
		eventually().until(() -> !bobRoster.getPresence(alice.jid()).isAvailable());
		eventually().until(() -> told.size() == 2);
		assertThat(told).containsExactlyInAnyOrder(Presence.Type.unsubscribe, Presence.Type.unsubscribed);
		assertThat(a.sendIqRequestAndWaitForResponse(rosterGet("")) instanceof RosterPacket r && r.getRosterItems().isEmpty()).isTrue();
	}

	@Test
	void aDroppedConnectionReachesContactsAndDirectedPresenceRecipientsAsUnavailable() throws Exception {
		User alice = user("localhost");
		User bob = user("localhost");
		User carol = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		Roster aliceRoster = approvingRoster(a);
		available(a);
		XMPPTCPConnection b = login(bob, "phone");
		Roster bobRoster = befriend(aliceRoster, alice, b, bob);
		XMPPTCPConnection c = login(carol, "desk");
		BlockingQueue<Presence> carolSees = new LinkedBlockingQueue<>();
		c.addAsyncStanzaListener(s -> carolSees.add((Presence) s), s -> s instanceof Presence p && p.getFrom() != null
				&& p.getFrom().asBareJid().equals(alice.jid()));
		available(c);

		// Carol is not on Alice's roster: she gets Alice's presence only because it is sent to her.
		a.sendStanza(a.getStanzaFactory().buildPresenceStanza().to(carol.jid()).build());
		assertThat(carolSees.poll(10, TimeUnit.SECONDS)).isNotNull().satisfies(p -> assertThat(p.isAvailable()).isTrue());

		a.instantShutdown();

		eventually().until(() -> !bobRoster.getPresence(alice.jid()).isAvailable());
		assertThat(carolSees.poll(10, TimeUnit.SECONDS)).isNotNull().satisfies(p -> {
			assertThat(p.getType()).isEqualTo(Presence.Type.unavailable);
			assertThat(p.getFrom().toString()).isEqualTo(alice.jid() + "/laptop");
		});
	}

	@Test
	void aPreApprovedRequestIsGrantedWithoutAskingTheUser() throws Exception {
		User alice = user("localhost");
		User bob = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		Roster aliceRoster = Roster.getInstanceFor(a);
		aliceRoster.setSubscriptionMode(Roster.SubscriptionMode.manual);
		BlockingQueue<Presence> asked = new LinkedBlockingQueue<>();
		a.addAsyncStanzaListener(s -> asked.add((Presence) s), PresenceTypeFilter.SUBSCRIBE);
		available(a);
		assertThat(aliceRoster.isSubscriptionPreApprovalSupported()).isTrue();

		aliceRoster.preApproveAndCreateEntry(bob.jid(), "Bob", null);
		eventually().until(() -> aliceRoster.getEntry(bob.jid()) != null && aliceRoster.getEntry(bob.jid()).isApproved());

		XMPPTCPConnection b = login(bob, "phone");
		Roster bobRoster = Roster.getInstanceFor(b);
		available(b);
		bobRoster.createItemAndRequestSubscription(alice.jid(), "Alice", null);

		eventually().until(() -> type(bobRoster, alice) == ItemType.to && type(aliceRoster, bob) == ItemType.from);
		eventually().until(() -> bobRoster.getPresence(alice.jid()).isAvailable());
		assertThat(aliceRoster.getEntry(bob.jid()).isApproved()).isFalse();
		ping(a);
		assertThat(asked).as("the server answered for Alice").isEmpty();
	}

	@Test
	void aRequestToNobodyIsRefusedAndOneToAnotherServerCannotLeave() throws Exception {
		User alice = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		Roster roster = Roster.getInstanceFor(a);
		available(a);
		BareJid nobody = JidCreate.bareFrom("nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost");
		BlockingQueue<Presence> refused = new LinkedBlockingQueue<>();
		a.addAsyncStanzaListener(s -> refused.add((Presence) s), PresenceTypeFilter.UNSUBSCRIBED);

		roster.createItemAndRequestSubscription(nobody, null, null);
		assertThat(refused.poll(10, TimeUnit.SECONDS)).isNotNull().satisfies(p -> assertThat(p.getFrom().toString()).isEqualTo(nobody.toString()));
		eventually().until(() -> roster.getEntry(nobody) != null && !roster.getEntry(nobody).isSubscriptionPending());
		assertThat(roster.getEntry(nobody).getType()).isEqualTo(ItemType.none);

		BlockingQueue<Presence> errors = new LinkedBlockingQueue<>();
		a.addAsyncStanzaListener(s -> errors.add((Presence) s), PresenceTypeFilter.ERROR);
		a.sendStanza(a.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.subscribe).to(JidCreate.bareFrom("x@elsewhere.example")).build());
		assertThat(errors.poll(10, TimeUnit.SECONDS)).isNotNull()
			.satisfies(p -> assertThat(p.getError().getCondition()).isEqualTo(StanzaError.Condition.remote_server_not_found));
	}

	@Test
	void rosterSetsBreakingRfc6121RulesAreRefused() throws Exception {
		User alice = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		assertRefused(a, "<item jid='x@localhost'/><item jid='y@localhost'/>", StanzaError.Condition.bad_request);
		assertRefused(a, "<item jid='x@localhost'><group>G</group><group>G</group></item>", StanzaError.Condition.bad_request);
		assertRefused(a, "<item jid='x@localhost' name='" + "n".repeat(2000) + "'/>", StanzaError.Condition.not_acceptable);
		assertRefused(a, "<item jid='nobody-here@localhost' subscription='remove'/>", StanzaError.Condition.item_not_found);
		assertThat(Roster.getInstanceFor(a).getEntries()).isEmpty();
	}

	/** Bob approves Alice's request and asks back; Alice approves too. Both end with 'both'. */
	private Roster befriend(Roster aliceRoster, User alice, XMPPTCPConnection b, User bob) throws Exception {
		Roster bobRoster = approvingRoster(b);
		available(b);
		aliceRoster.createItemAndRequestSubscription(bob.jid(), "Bob", null);
		eventually().until(() -> type(aliceRoster, bob) == ItemType.both && type(bobRoster, alice) == ItemType.both);
		// Bob names Alice and files her, as a user would after accepting.
		RosterPacket set = new RosterPacket();
		set.setType(IQ.Type.set);
		RosterPacket.Item item = new RosterPacket.Item(alice.jid(), "Alice");
		item.addGroupName("Work");
		item.addGroupName("Family");
		set.addRosterItem(item);
		b.sendIqRequestAndWaitForResponse(set);
		eventually().until(() -> aliceRoster.getPresence(bob.jid()).isAvailable() && bobRoster.getPresence(alice.jid()).isAvailable());
		return bobRoster;
	}

	private static void assertRefused(XMPPTCPConnection connection, String items, StanzaError.Condition condition) {
		IQ set = new IQ(RosterPacket.ELEMENT, RosterPacket.NAMESPACE) {

			@Override
			protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
				xml.rightAngleBracket();
				xml.append(items);
				return xml;
			}

		};
		set.setType(IQ.Type.set);
		assertThatExceptionOfType(XMPPException.XMPPErrorException.class).as(items)
			.isThrownBy(() -> connection.sendIqRequestAndWaitForResponse(set))
			.satisfies(ex -> assertThat(ex.getStanzaError().getCondition()).isEqualTo(condition));
	}

	private static RosterPacket rosterGet(String version) {
		RosterPacket get = new RosterPacket();
		get.setVersion(version);
		return get;
	}

	private static ItemType type(Roster roster, User contact) {
		RosterEntry entry = roster.getEntry(contact.jid());
		return (entry != null) ? entry.getType() : null;
	}

	/** Approves every request and asks back, as a client's "add contact" dialog does. */
	private static Roster approvingRoster(XMPPTCPConnection connection) {
		Roster roster = Roster.getInstanceFor(connection);
		roster.addSubscribeListener((from, request) -> SubscribeAnswer.ApproveAndAlsoRequestIfRequired);
		return roster;
	}

	private static void available(XMPPTCPConnection connection) throws Exception {
		available(connection, 0);
	}

	private static void available(XMPPTCPConnection connection, int priority) throws Exception {
		connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().setPriority(priority).build());
		ping(connection);
	}

	/** The server handles a session's stanzas in order: once the ping answers, what came before it was taken. */
	private static void ping(XMPPTCPConnection connection) throws Exception {
		assertThat(PingManager.getInstanceFor(connection).pingMyServer()).isTrue();
	}

	private static ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(15)).ignoreExceptions();
	}

	private record User(String name, String domain, String password) {

		BareJid jid() {
			return JidCreate.entityBareFromOrThrowUnchecked(this.name + "@" + this.domain);
		}

	}

	private User user(String domain) {
		User user = new User("rp-" + UUID.randomUUID().toString().substring(0, 8), domain, "pw-" + UUID.randomUUID());
		this.accounts.register(user.name(), domain, user.password());
		return user;
	}

	private XMPPTCPConnection login(User user, String resource) throws Exception {
		XMPPTCPConnection connection = new XMPPTCPConnection(GatewayIt.smack(DATA, this.c2s.port(), user.name(), user.password(), "SCRAM-SHA-1")
			.setXmppDomain(user.domain())
			.setResource(resource)
			.build());
		this.connections.add(connection);
		connection.connect().login();
		// Smack asks for the roster at login; waiting for it makes the session an interested resource.
		await().atMost(Duration.ofSeconds(15)).until(Roster.getInstanceFor(connection)::isLoaded);
		return connection;
	}

}
