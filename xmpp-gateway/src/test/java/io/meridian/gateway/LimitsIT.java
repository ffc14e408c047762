package io.meridian.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;

import io.micrometer.core.instrument.MeterRegistry;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.transport.C2sListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Limits with a real client: bytes shaped (never dropped), a stanza flood cut off with
 * policy-violation, an address refused after repeated wrong passwords. Small limits keep the
 * test quick: 64 KB/s, 50 stanzas/s, 3 failures remembered for 3 s.
 */
@SpringBootTest(properties = { "meridian.c2s.port=0", "meridian.c2s.direct-tls-port=-1", "spring.grpc.server.port=0",
		"meridian.c2s.bind-address=127.0.0.1", "server.port=0", "meridian.hosts=localhost", "meridian.c2s.limits.rate=64KB",
		"meridian.c2s.limits.burst=16KB", "meridian.c2s.limits.stanza-rate=50", "meridian.c2s.limits.stanza-burst=100",
		"meridian.auth.max-failures=3", "meridian.auth.failure-window=3s" })
@ActiveProfiles("postgres-it")
class LimitsIT {

	private static final Path DATA = GatewayIt.dataDir("limits-it");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		GatewayIt.postgres(registry, DATA);
	}

	@Autowired
	C2sListener c2s;

	@Autowired
	Accounts accounts;

	@Autowired
	MeterRegistry meters;

	private final List<XMPPTCPConnection> connections = new ArrayList<>();

	@AfterEach
	void disconnect() {
		this.connections.forEach(XMPPTCPConnection::disconnect);
	}

	@Test
	void aBurstLargerThanTheBucketIsDeliveredWhole() throws Exception {
		XMPPTCPConnection sender = login(account());
		XMPPTCPConnection receiver = login(account());
		BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
		// In order, and only each body's number and length: a failure stays readable.
		receiver.addSyncStanzaListener(s -> bodies.add(summary(((Message) s).getBody())), s -> s instanceof Message);
		double pausesBefore = pauses();

		// 20 × 10 KB: about 200 KB against a 16 KB burst at 64 KB/s.
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String body = i + ":" + "x".repeat(10_000);
			sent.add(summary(body));
			sender.sendStanza(MessageBuilder.buildMessage().to(receiver.getUser()).setBody(body).build());
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> bodies.size() == sent.size());
		assertThat(bodies).containsExactlyElementsOf(sent);
		assertThat(pauses()).as("the sender's reads were paused").isGreaterThan(pausesBefore);
		assertThat(sender.isConnected()).isTrue();
	}

	@Test
	void aStanzaFloodEndsThatStreamWithPolicyViolationWhileOthersChatOn() throws Exception {
		XMPPTCPConnection alice = login(account());
		XMPPTCPConnection bob = login(account());
		BlockingQueue<String> bobGets = new LinkedBlockingQueue<>();
		bob.addAsyncStanzaListener(s -> bobGets.add(((Message) s).getBody()), s -> s instanceof Message);
		XMPPTCPConnection flooder = login(account());
		CompletableFuture<Exception> closed = new CompletableFuture<>();
		flooder.addConnectionListener(new ConnectionListener() {
			@Override
			public void connectionClosedOnError(Exception e) {
				closed.complete(e);
			}
		});

		Jid self = flooder.getUser().asBareJid();
		try {
			for (int i = 0; i < 2000 && !closed.isDone(); i++) {
				flooder.sendStanza(MessageBuilder.buildMessage().to(self).setBody("flood " + i).build());
			}
		}
		catch (SmackException.NotConnectedException | InterruptedException ex) {
			// The stream has ended under the loop (Smack's writer queue says so with an InterruptedException).
		}

		Exception error = closed.get(30, TimeUnit.SECONDS);
		assertThat(error).isInstanceOfSatisfying(XMPPException.StreamErrorException.class,
				ex -> assertThat(ex.getStreamError().getCondition()).isEqualTo(StreamError.Condition.policy_violation));
		alice.sendStanza(MessageBuilder.buildMessage().to(bob.getUser()).setBody("still here").build());
		assertThat(bobGets.poll(10, TimeUnit.SECONDS)).isEqualTo("still here");
		assertThat(alice.isConnected()).isTrue();
	}

	@Test
	void wrongPasswordsFromOneAddressGetItRefusedForAWhileButNotOthers() throws Exception {
		String user = account();
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> login(user, "wrong", null)).isInstanceOf(SASLErrorException.class).hasMessageContaining("not-authorized");
		}

		// Even the right password is refused from 127.0.0.1 now, and that stream is ended.
		XMPPTCPConnection refused = new XMPPTCPConnection(GatewayIt.smack(DATA, this.c2s.port(), user, "pw", "SCRAM-SHA-1").build());
		this.connections.add(refused);
		refused.connect();
		assertThatThrownBy(refused::login).isInstanceOf(SASLErrorException.class).hasMessageContaining("temporary-auth-failure");
		await().atMost(Duration.ofSeconds(10)).until(() -> !refused.isConnected());

		assertThat(login(user, "pw", "127.0.0.2").isAuthenticated()).as("another address logs in").isTrue();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
			.until(() -> login(user, "pw", null).isAuthenticated());
	}

	private static String summary(String body) {
		return body.substring(0, body.indexOf(':')) + " of " + body.length() + " chars";
	}

	private double pauses() {
		return this.meters.get("meridian.c2s.read.pauses").counter().count();
	}

	private String account() {
		String name = "lim-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.register(name, "localhost", "pw");
		return name;
	}

	private XMPPTCPConnection login(String user) throws Exception {
		return login(user, "pw", null);
	}

	/** @param from the local address to connect from, or null for the default (127.0.0.1) */
	private XMPPTCPConnection login(String user, String password, String from) throws Exception {
		var config = GatewayIt.smack(DATA, this.c2s.port(), user, password, "SCRAM-SHA-1");
		if (from != null) {
			config.setSocketFactory(new BoundSocketFactory(from));
		}
		XMPPTCPConnection connection = new XMPPTCPConnection(config.build());
		this.connections.add(connection);
		connection.connect().login();
		return connection;
	}

	/** Sockets bound to one local address, so that the gateway sees the client there. */
	private static final class BoundSocketFactory extends SocketFactory {

		private final String address;

		BoundSocketFactory(String address) {
			this.address = address;
		}

		@Override
		public Socket createSocket() throws IOException {
			Socket socket = new Socket();
			socket.bind(new InetSocketAddress(this.address, 0));
			return socket;
		}

		@Override
		public Socket createSocket(String host, int port) {
			throw new UnsupportedOperationException("Smack creates unconnected sockets");
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
			throw new UnsupportedOperationException("Smack creates unconnected sockets");
		}

		@Override
		public Socket createSocket(InetAddress host, int port) {
			throw new UnsupportedOperationException("Smack creates unconnected sockets");
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
			throw new UnsupportedOperationException("Smack creates unconnected sockets");
		}

	}

}
