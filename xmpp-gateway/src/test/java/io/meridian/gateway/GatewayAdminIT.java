package io.meridian.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.meridian.gateway.api.AdminError;
import io.meridian.gateway.api.AdminRefusedException;
import io.meridian.gateway.api.GatewayAdminClient;
import io.meridian.gateway.api.v1.Account;
import io.meridian.gateway.api.v1.ListAccountsResponse;
import io.meridian.gateway.api.v1.Session;
import io.meridian.gateway.transport.C2sListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The admin gRPC services over a real channel, seen by Smack clients over real sockets; accounts in real PostgreSQL. */
@SpringBootTest(properties = { "meridian.c2s.port=0", "meridian.c2s.direct-tls-port=0", "spring.grpc.server.port=0",
		"meridian.c2s.bind-address=127.0.0.1", "server.port=0", "meridian.hosts=localhost,other.test", "meridian.node.name=gw-admin-it" })
@ActiveProfiles("postgres-it")
class GatewayAdminIT {

	private static final Path DATA = GatewayIt.dataDir("gateway-admin-it");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		GatewayIt.postgres(registry, DATA);
	}

	@Autowired
	C2sListener c2s;

	@Autowired
	GrpcServerLifecycle grpcServer;

	@Autowired
	ApplicationContext context;

	private ManagedChannel channel;

	private GatewayAdminClient admin;

	private final List<XMPPTCPConnection> connections = new ArrayList<>();

	@BeforeEach
	void connect() {
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.grpcServer.getPort()).usePlaintext().build();
		this.admin = new GatewayAdminClient(this.channel, Duration.ofSeconds(10));
	}

	@AfterEach
	void close() throws Exception {
		this.connections.forEach(XMPPTCPConnection::disconnect);
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void theStandardGrpcHealthServiceFollowsReadiness() {
		HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(this.channel);
		HealthCheckRequest overall = HealthCheckRequest.getDefaultInstance();
		await().atMost(Duration.ofSeconds(10)).until(() -> health.check(overall).getStatus() == ServingStatus.SERVING);
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> health.check(overall).getStatus() == ServingStatus.NOT_SERVING);
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> health.check(overall).getStatus() == ServingStatus.SERVING);
	}

	@Test
	void anAccountRegisteredByTheAdminLogsInAndIsListed() throws Exception {
		String name = user();
		Account account = this.admin.register("LocalHost", name.toUpperCase(), "pw-1");
		assertThat(account.getUsername()).isEqualTo(name);
		assertThat(account.getDomain()).isEqualTo("localhost");
		assertThat(account.getBanned()).isFalse();
		login(name, "pw-1", "PLAIN");

		assertThat(this.admin.get("localhost", name).getCreatedAt().getSeconds()).isPositive();
		ListAccountsResponse all = this.admin.list("localhost", 1000, null);
		assertThat(all.getAccountsList()).extracting(Account::getUsername).contains(name);
		assertThat(all.getTotal()).isGreaterThanOrEqualTo(all.getAccountsCount());
		ListAccountsResponse first = this.admin.list("localhost", 1, null);
		assertThat(first.getAccountsCount()).isEqualTo(1);
		ListAccountsResponse second = this.admin.list("localhost", 1, first.getNextAfter());
		if (all.getTotal() > 1) {
			assertThat(second.getAccounts(0).getUsername()).isGreaterThan(first.getAccounts(0).getUsername());
		}
	}

	@Test
	void refusalsCarryTheirReasonAndTheField() {
		String name = user();
		this.admin.register("localhost", name, "pw");
		assertRefused(() -> this.admin.register("localhost", name, "again"), AdminError.ACCOUNT_EXISTS);
		assertRefused(() -> this.admin.register("nowhere.test", name, "pw"), AdminError.UNKNOWN_DOMAIN);
		assertRefused(() -> this.admin.get("localhost", "nobody-" + name), AdminError.UNKNOWN_ACCOUNT);
		assertRefused(() -> this.admin.changePassword("localhost", "nobody-" + name, "x"), AdminError.UNKNOWN_ACCOUNT);
		assertThatThrownBy(() -> this.admin.register("localhost", "bad@name", "pw")).isInstanceOfSatisfying(AdminRefusedException.class,
				ex -> assertThat(ex.metadata()).containsEntry("field", "username"));
		assertThatThrownBy(() -> this.admin.register("localhost", user(), "")).isInstanceOfSatisfying(AdminRefusedException.class,
				ex -> assertThat(ex.metadata()).containsEntry("field", "password"));
		assertThatThrownBy(() -> this.admin.list("localhost", 5000, null)).isInstanceOfSatisfying(AdminRefusedException.class,
				ex -> assertThat(ex.metadata()).containsEntry("field", "page_size"));
	}

	@Test
	void sessionsAreListedAndAKickedClientSeesItsStreamEnd() throws Exception {
		String name = user();
		this.admin.register("localhost", name, "pw");
		XMPPTCPConnection first = login(name, "pw", "SCRAM-SHA-1");
		XMPPTCPConnection second = login(name, "pw", "SCRAM-SHA-1");
		BlockingQueue<Exception> ended = new LinkedBlockingQueue<>();
		first.addConnectionListener(new ConnectionListener() {
			@Override
			public void connectionClosedOnError(Exception e) {
				ended.add(e);
			}
		});

		List<Session> sessions = this.admin.sessions("localhost", name);
		assertThat(sessions).hasSize(2).allSatisfy(s -> {
			assertThat(s.getNode()).isEqualTo("gw-admin-it");
			assertThat(s.getAddress()).startsWith("127.0.0.1:");
			assertThat(s.getConnectedSince().getSeconds()).isPositive();
		});
		assertThat(this.admin.sessions("localhost", null)).extracting(Session::getJid).contains(first.getUser().toString());

		String resource = first.getUser().getResourcepart().toString();
		assertThat(this.admin.kick("localhost", name, resource, "maintenance")).isEqualTo(1);
		Exception error = ended.poll(10, TimeUnit.SECONDS);
		assertThat(error).isInstanceOfSatisfying(XMPPException.StreamErrorException.class,
				e -> assertThat(e.getStreamError().getCondition().toString()).isEqualTo("policy-violation"));
		assertThat(this.admin.sessions("localhost", name)).extracting(Session::getResource)
			.containsExactly(second.getUser().getResourcepart().toString());
		assertRefused(() -> this.admin.kick("localhost", name, resource, null), AdminError.NO_SESSION);
	}

	@Test
	void aBannedUserIsDisconnectedAndCannotLogInUntilUnbanned() throws Exception {
		String name = user();
		this.admin.register("localhost", name, "pw");
		XMPPTCPConnection online = login(name, "pw", "PLAIN");
		BlockingQueue<Exception> ended = new LinkedBlockingQueue<>();
		online.addConnectionListener(new ConnectionListener() {
			@Override
			public void connectionClosedOnError(Exception e) {
				ended.add(e);
			}
		});

		Account banned = this.admin.ban("localhost", name, "spam");
		assertThat(banned.getBanned()).isTrue();
		assertThat(banned.getBanReason()).isEqualTo("spam");
		assertThat(ended.poll(10, TimeUnit.SECONDS)).isInstanceOf(XMPPException.StreamErrorException.class);

		XMPPTCPConnection again = new XMPPTCPConnection(config(name, "pw", "PLAIN"));
		this.connections.add(again);
		again.connect();
		assertThatThrownBy(again::login).isInstanceOf(SASLErrorException.class).hasMessageContaining("account-disabled");

		assertThat(this.admin.unban("localhost", name).getBanned()).isFalse();
		login(name, "pw", "PLAIN");
	}

	@Test
	void aMessageSentThroughTheAdminArrivesAndBadStanzasAreRefused() throws Exception {
		String sender = user();
		String receiver = user();
		this.admin.register("localhost", sender, "pw");
		this.admin.register("localhost", receiver, "pw");
		XMPPTCPConnection client = login(receiver, "pw", "SCRAM-SHA-1");
		client.sendStanza(client.getStanzaFactory().buildPresenceStanza().build());
		BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
		client.addAsyncStanzaListener(s -> inbox.add((Message) s), s -> s instanceof Message);
		org.jivesoftware.smackx.ping.PingManager.getInstanceFor(client).pingMyServer();

		String id = this.admin.sendMessage(sender + "@localhost", receiver + "@localhost", "hello from the operator", null);
		Message message = inbox.poll(10, TimeUnit.SECONDS);
		assertThat(message).isNotNull();
		assertThat(message.getBody()).isEqualTo("hello from the operator");
		assertThat(message.getFrom().toString()).isEqualTo(sender + "@localhost");
		assertThat(message.getStanzaId()).isEqualTo(id);

		this.admin.sendStanza("<message from='" + sender + "@localhost' to='" + receiver + "@localhost' type='chat'><body>raw</body></message>");
		assertThat(inbox.poll(10, TimeUnit.SECONDS).getBody()).isEqualTo("raw");

		for (String bad : new String[] { "<message to='x@localhost'", "<message to='a@localhost'/><message/>", "<foo from='" + sender + "@localhost'/>",
				"<message to='" + receiver + "@localhost'><body>no from</body></message>",
				"<message from='" + sender + "@localhost'><body>" + "x".repeat(70_000) + "</body></message>" }) {
			assertThatThrownBy(() -> this.admin.sendStanza(bad)).as(bad).isInstanceOfSatisfying(AdminRefusedException.class,
					ex -> assertThat(ex.metadata()).containsEntry("field", "stanza"));
		}
		assertRefused(() -> this.admin.sendMessage("ghost-" + sender + "@localhost", receiver + "@localhost", "boo", null),
				AdminError.UNKNOWN_ACCOUNT);
		assertThat(inbox).isEmpty();
	}

	@Test
	void theOfflineQueueOfAUserIsCountedUntilTheUserComesOnline() throws Exception {
		String sender = user();
		String receiver = user();
		this.admin.register("localhost", sender, "pw");
		this.admin.register("localhost", receiver, "pw");
		assertThat(this.admin.offlineCount("localhost", receiver).getCount()).isZero();

		this.admin.sendMessage(sender + "@localhost", receiver + "@localhost", "one", null);
		this.admin.sendMessage(sender + "@localhost", receiver + "@localhost", "two", "normal");
		assertThat(this.admin.offlineCount("LocalHost", receiver.toUpperCase(java.util.Locale.ROOT))).satisfies(queue -> {
			assertThat(queue.getJid()).isEqualTo(receiver + "@localhost");
			assertThat(queue.getCount()).isEqualTo(2);
		});
		// Presence sent in the user's name has no client behind it: the queue stays.
		this.admin.sendStanza("<presence from='" + receiver + "@localhost'/>");
		assertThat(this.admin.offlineCount("localhost", receiver).getCount()).isEqualTo(2);

		XMPPTCPConnection client = login(receiver, "pw", "SCRAM-SHA-1");
		client.sendStanza(client.getStanzaFactory().buildPresenceStanza().build());
		org.jivesoftware.smackx.ping.PingManager.getInstanceFor(client).pingMyServer();
		assertThat(this.admin.offlineCount("localhost", receiver).getCount()).isZero();

		assertRefused(() -> this.admin.offlineCount("localhost", "ghost-" + receiver), AdminError.UNKNOWN_ACCOUNT);
		assertRefused(() -> this.admin.offlineCount("elsewhere.example", receiver), AdminError.UNKNOWN_DOMAIN);
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, AdminError error) {
		assertThatThrownBy(call).isInstanceOfSatisfying(AdminRefusedException.class, ex -> assertThat(ex.error()).isEqualTo(error));
	}

	private static String user() {
		return "adm-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private XMPPTCPConnectionConfiguration config(String user, String password, String mechanism) throws Exception {
		return GatewayIt.smack(DATA, this.c2s.port(), user, password, mechanism).build();
	}

	private XMPPTCPConnection login(String user, String password, String mechanism) throws Exception {
		XMPPTCPConnection connection = new XMPPTCPConnection(config(user, password, mechanism));
		this.connections.add(connection);
		connection.connect().login();
		return connection;
	}

}
