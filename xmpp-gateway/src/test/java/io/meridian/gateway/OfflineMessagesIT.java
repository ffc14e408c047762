package io.meridian.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.transport.C2sListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline messages (XEP-0160) as a stock client (Smack) sees them, over real sockets, with the
 * queues in real PostgreSQL. Queues hold three messages here; {@code quiet.test} keeps none.
 */
@SpringBootTest(properties = { "meridian.c2s.port=0", "meridian.c2s.direct-tls-port=0", "spring.grpc.server.port=0", "meridian.c2s.bind-address=127.0.0.1",
		"server.port=0", "meridian.hosts=localhost,quiet.test", "meridian.registration.domains=localhost", "meridian.offline.max-per-user=3",
		"meridian.offline.disabled-domains=quiet.test" })
@ActiveProfiles("postgres-it")
class OfflineMessagesIT {

	private static final Path DATA = GatewayIt.dataDir("offline-messages-it");

	private static final Duration WAIT = Duration.ofSeconds(10);

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
	void messagesToAnOfflineUserArriveInOrderWithTheirDelayAtTheNextInitialPresenceAndOnlyOnce() throws Exception {
		User alice = user("localhost");
		User bob = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		StanzaCollector aliceErrors = errors(a);
		Instant before = Instant.now().minusSeconds(1);
		a.sendStanza(chat(bob, "first"));
		a.sendStanza(chat(bob, "second"));
		a.sendStanza(a.getStanzaFactory().buildMessageStanza().to(bob.jid()).setBody("third, of no type").build());
		ping(a);

		XMPPTCPConnection b = login(bob, "phone");
		StanzaCollector inbox = b.createStanzaCollector(StanzaTypeFilter.MESSAGE);
		ping(b);
		assertNothing(inbox, "binding a resource does not deliver them");

		available(b, 0);
		List<Message> delivered = List.of(next(inbox), next(inbox), next(inbox));
		assertThat(delivered).extracting(Message::getBody).containsExactly("first", "second", "third, of no type");
		for (Message message : delivered) {
			assertThat(message.getFrom().toString()).isEqualTo(alice.jid() + "/laptop");
			DelayInformation delay = DelayInformation.from(message);
			assertThat(delay).as("XEP-0203 delay on " + message.getBody()).isNotNull();
			assertThat(delay.getFrom()).isEqualTo("localhost");
			assertThat(delay.getStamp().toInstant()).isBetween(before, Instant.now());
		}
		assertNothing(aliceErrors, "the sender got no error");
		b.disconnect();

		XMPPTCPConnection again = login(bob, "tablet");
		StanzaCollector later = again.createStanzaCollector(StanzaTypeFilter.MESSAGE);
		available(again, 0);
		assertNothing(later, "delivered messages are gone");
	}

	@Test
	void aFullQueueRefusesTheNextMessageWithServiceUnavailable() throws Exception {
		User alice = user("localhost");
		User bob = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		StanzaCollector aliceErrors = errors(a);
		for (int i = 1; i <= 4; i++) {
			a.sendStanza(chat(bob, "message " + i));
		}

		Message refused = next(aliceErrors);
		assertThat(refused.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
		assertThat(refused.getBody()).isEqualTo("message 4");
		assertNothing(aliceErrors, "nothing more");

		XMPPTCPConnection b = login(bob, "phone");
		StanzaCollector inbox = b.createStanzaCollector(StanzaTypeFilter.MESSAGE);
		available(b, 0);
		assertThat(List.of(next(inbox), next(inbox), next(inbox))).extracting(Message::getBody)
			.containsExactly("message 1", "message 2", "message 3");
		assertNothing(inbox, "nothing more");
	}

	@Test
	void aNegativePriorityKeepsTheQueueUntilThePriorityTurnsNonNegative() throws Exception {
		User alice = user("localhost");
		User bob = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		XMPPTCPConnection b = login(bob, "phone");
		StanzaCollector inbox = b.createStanzaCollector(StanzaTypeFilter.MESSAGE);
		available(b, -1);

		// A resource of negative priority takes no messages to the bare JID (RFC 6121 8.5.2.1.1): they are kept.
		a.sendStanza(chat(bob, "while you were away"));
		ping(a);
		ping(b);
		assertNothing(inbox, "nothing more");

		available(b, 1);
		assertThat(next(inbox).getBody()).isEqualTo("while you were away");
	}

	@Test
	void headlinesAreNotKeptAndGroupchatIsRefused() throws Exception {
		User alice = user("localhost");
		User bob = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		StanzaCollector aliceErrors = errors(a);
		a.sendStanza(a.getStanzaFactory().buildMessageStanza().to(bob.jid()).ofType(Message.Type.headline).setBody("news").build());
		a.sendStanza(a.getStanzaFactory().buildMessageStanza().to(bob.jid()).ofType(Message.Type.groupchat).setBody("room").build());

		Message refused = next(aliceErrors);
		assertThat(refused.getBody()).isEqualTo("room");
		assertThat(refused.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);

		XMPPTCPConnection b = login(bob, "phone");
		StanzaCollector inbox = b.createStanzaCollector(StanzaTypeFilter.MESSAGE);
		available(b, 0);
		assertNothing(inbox, "nothing more");
	}

	@Test
	void whereStorageIsOffAndForAnAccountThatDoesNotExistTheSenderGetsServiceUnavailable() throws Exception {
		User alice = user("localhost");
		User quiet = user("quiet.test");
		XMPPTCPConnection a = login(alice, "laptop");
		StanzaCollector aliceErrors = errors(a);

		a.sendStanza(chat(quiet, "not kept"));
		a.sendStanza(chat(new User("nobody-" + UUID.randomUUID().toString().substring(0, 8), "localhost", "-"), "nobody"));

		for (String body : List.of("not kept", "nobody")) {
			Message refused = next(aliceErrors);
			assertThat(refused.getBody()).isEqualTo(body);
			assertThat(refused.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
		}
		XMPPTCPConnection q = login(quiet, "desk");
		StanzaCollector inbox = q.createStanzaCollector(StanzaTypeFilter.MESSAGE);
		available(q, 0);
		assertNothing(inbox, "nothing more");
	}

	@Test
	void aRemovedAccountTakesItsQueueWithIt() throws Exception {
		User alice = user("localhost");
		User bob = user("localhost");
		XMPPTCPConnection a = login(alice, "laptop");
		a.sendStanza(chat(bob, "for the old Bob"));
		ping(a);

		XMPPTCPConnection b = login(bob, "phone");
		AccountManager.getInstance(b).deleteAccount();
		this.accounts.register(bob.name(), bob.domain(), bob.password());

		XMPPTCPConnection newBob = login(bob, "desk");
		StanzaCollector inbox = newBob.createStanzaCollector(StanzaTypeFilter.MESSAGE);
		available(newBob, 0);
		assertNothing(inbox, "nothing more");
	}

	private static Message chat(User to, String body) {
		return org.jivesoftware.smack.packet.MessageBuilder.buildMessage().to(to.jid()).ofType(Message.Type.chat).setBody(body).build();
	}

	private static StanzaCollector errors(XMPPTCPConnection connection) {
		return connection.createStanzaCollector(s -> s instanceof Message m && m.getType() == Message.Type.error);
	}

	private static Message next(StanzaCollector collector) throws InterruptedException {
		Message message = collector.nextResult(WAIT.toMillis());
		assertThat(message).as("a message within " + WAIT).isNotNull();
		return message;
	}

	private static void assertNothing(StanzaCollector collector, String description) {
		Stanza stanza = collector.pollResult();
		assertThat(stanza).as(description).isNull();
	}

	private static void available(XMPPTCPConnection connection, int priority) throws Exception {
		connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).setPriority(priority).build());
		ping(connection);
	}

	/** The server handles a session's stanzas in order: once the ping answers, what it sent before is delivered. */
	private static void ping(XMPPTCPConnection connection) throws Exception {
		assertThat(PingManager.getInstanceFor(connection).pingMyServer()).isTrue();
	}

	private record User(String name, String domain, String password) {

		EntityBareJid jid() {
			return JidCreate.entityBareFromOrThrowUnchecked(this.name + "@" + this.domain);
		}

	}

	private User user(String domain) {
		User user = new User("off-" + UUID.randomUUID().toString().substring(0, 8), domain, "pw-" + UUID.randomUUID());
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
		return connection;
	}

}
