package io.meridian.gateway;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.auth.ScramClient;
import io.meridian.gateway.auth.ScramHash;
import io.meridian.gateway.transport.C2sListener;
import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stock XMPP client (Smack) against the gateway over real sockets, accounts in real PostgreSQL. */
@SpringBootTest(properties = { "meridian.c2s.port=0", "meridian.c2s.direct-tls-port=0", "spring.grpc.server.port=0", "meridian.c2s.bind-address=127.0.0.1",
		"server.port=0", "meridian.hosts=localhost,closed.test", "meridian.registration.domains=localhost" })
@ActiveProfiles("postgres-it")
class XmppClientIT {

	private static final Path DATA = GatewayIt.dataDir("xmpp-client-it");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		GatewayIt.postgres(registry, DATA);
	}

	@Autowired
	C2sListener c2s;

	@Autowired
	Accounts accounts;

	private final java.util.List<XMPPTCPConnection> connections = new java.util.ArrayList<>();

	@AfterEach
	void disconnect() {
		this.connections.forEach(XMPPTCPConnection::disconnect);
	}

	@Test
	void startTlsThenScramSha1LogsInAndBindsTheAskedResource() throws Exception {
		String romeo = account("pass-word");
		XMPPTCPConnection connection = connect(config(romeo, "pass-word", "SCRAM-SHA-1").setResource("balcony").build());
		assertThat(connection.isSecureConnection()).isTrue();
		assertThat(connection.isAuthenticated()).isTrue();
		assertThat(connection.getUsedSaslMechansism()).isEqualTo("SCRAM-SHA-1");
		assertThat(connection.getUser().toString()).isEqualTo(romeo + "@localhost/balcony");
		assertThat(PingManager.getInstanceFor(connection).pingMyServer()).isTrue();
	}

	@Test
	void scramSha256PlusBindsTheLoginToTheCertificateTheClientSaw() throws Exception {
		String user = account("bound");
		byte[] seen;
		try (XmppClientSocket client = tlsStream()) {
			seen = MessageDigest.getInstance("SHA-256").digest(client.serverCertificate().getEncoded());
			assertThat(scramPlus(client, user, seen)).contains("<success");
		}
		try (XmppClientSocket client = tlsStream()) {
			byte[] another = MessageDigest.getInstance("SHA-256").digest("a certificate a man in the middle showed".getBytes(StandardCharsets.UTF_8));
			assertThat(scramPlus(client, user, another)).contains("<failure").contains("<not-authorized/>");
		}
	}

	/** A raw stream after STARTTLS, its features read: they offer SCRAM -PLUS and name the binding. */
	private XmppClientSocket tlsStream() throws Exception {
		XmppClientSocket client = new XmppClientSocket(this.c2s.port());
		client.send(XmppClientSocket.header("localhost"));
		client.readUntil("</stream:features>");
		client.startTls(GatewayIt.trustManager(DATA));
		client.send(XmppClientSocket.header("localhost"));
		assertThat(client.readUntil("</stream:features>")).contains("<mechanism>SCRAM-SHA-256-PLUS</mechanism>")
			.contains("<channel-binding type='tls-server-end-point'/>");
		return client;
	}

	private static String scramPlus(XmppClientSocket client, String user, byte[] binding) throws Exception {
		ScramClient scram = new ScramClient(ScramHash.SHA_256, user, "bound", "p=tls-server-end-point,,", binding);
		client.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-256-PLUS'>"
				+ Base64.getEncoder().encodeToString(scram.first()) + "</auth>");
		String challenge = client.readUntil("</challenge>");
		String serverFirst = challenge.substring(challenge.indexOf('>', challenge.indexOf("<challenge")) + 1, challenge.indexOf("</challenge>"));
		client.send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
				+ Base64.getEncoder().encodeToString(scram.last(Base64.getDecoder().decode(serverFirst))) + "</response>");
		return client.readUntil("</");
	}

	@Test
	void plainOverTlsLogsIn() throws Exception {
		String user = account("secret");
		XMPPTCPConnection connection = connect(config(user, "secret", "PLAIN").build());
		assertThat(connection.getUsedSaslMechansism()).isEqualTo("PLAIN");
		assertThat(connection.getUser().getResourcepart().toString()).as("server-generated resource").startsWith("meridian-");
	}

	@Test
	void aWrongPasswordIsNotAuthorized() throws Exception {
		String user = account("right");
		XMPPTCPConnection connection = new XMPPTCPConnection(config(user, "wrong", "SCRAM-SHA-1").build());
		this.connections.add(connection);
		connection.connect();
		assertThatThrownBy(connection::login).isInstanceOf(SASLErrorException.class).hasMessageContaining("not-authorized");
	}

	@Test
	void messagesReachABareJidAndAFullJid() throws Exception {
		String alice = account("a-pass");
		String bob = account("b-pass");
		XMPPTCPConnection a = connect(config(alice, "a-pass", "SCRAM-SHA-1").setResource("laptop").build());
		XMPPTCPConnection b = connect(config(bob, "b-pass", "PLAIN").setResource("phone").build());
		BlockingQueue<Message> received = new LinkedBlockingQueue<>();
		b.addAsyncStanzaListener(s -> received.add((Message) s), s -> s instanceof Message);
		b.sendStanza(b.getStanzaFactory().buildPresenceStanza().build());

		EntityBareJid bobJid = JidCreate.entityBareFrom(bob + "@localhost");
		awaitAvailable(b);
		ChatManager.getInstanceFor(a).chatWith(bobJid).send("hello bare");
		Message first = received.poll(10, TimeUnit.SECONDS);
		assertThat(first).isNotNull();
		assertThat(first.getBody()).isEqualTo("hello bare");
		assertThat(first.getFrom().toString()).isEqualTo(alice + "@localhost/laptop");

		a.sendStanza(MessageBuilder.buildMessage().to(JidCreate.fullFrom(bob + "@localhost/phone")).setBody("hello full").build());
		assertThat(received.poll(10, TimeUnit.SECONDS).getBody()).isEqualTo("hello full");
	}

	@Test
	void aMessageToAnUnknownDomainComesBackAsRemoteServerNotFound() throws Exception {
		String user = account("pw");
		XMPPTCPConnection connection = connect(config(user, "pw", "SCRAM-SHA-1").build());
		BlockingQueue<Message> errors = new LinkedBlockingQueue<>();
		connection.addAsyncStanzaListener(s -> errors.add((Message) s), s -> s instanceof Message m && m.getType() == Message.Type.error);
		connection.sendStanza(MessageBuilder.buildMessage().to(JidCreate.from("x@elsewhere.example")).setBody("?").build());
		Message error = errors.poll(10, TimeUnit.SECONDS);
		assertThat(error).isNotNull();
		assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.remote_server_not_found);
	}

	@Test
	void aNewSessionOnTheSameResourceEndsTheOldOneWithConflict() throws Exception {
		String user = account("pw");
		XMPPTCPConnection first = connect(config(user, "pw", "SCRAM-SHA-1").setResource("desk").build());
		connect(config(user, "pw", "SCRAM-SHA-1").setResource("desk").build());
		org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !first.isConnected());
	}

	@Test
	void directTlsListenerOffersPlainWithoutStartTls() throws Exception {
		// Smack 4.4 has no XEP-0368 client: a raw TLS socket checks the direct TLS listener.
		javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) trust().getSocketFactory().createSocket("127.0.0.1", this.c2s.directTlsPort());
		try (socket) {
			socket.setSoTimeout(5000);
			socket.getOutputStream().write(XmppClientSocket.header("localhost").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			byte[] buf = new byte[4096];
			int n = socket.getInputStream().read(buf);
			String reply = new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
			assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
			while (!reply.contains("</stream:features>")) {
				n = socket.getInputStream().read(buf);
				reply += new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
			}
			assertThat(reply).doesNotContain("starttls").contains("<mechanism>PLAIN</mechanism>");
		}
	}

	@Test
	void inBandRegistrationCreatesAnAccountThatLogsInChangesItsPasswordAndRemovesIt() throws Exception {
		String name = "ibr-" + UUID.randomUUID().toString().substring(0, 8);
		XMPPTCPConnection anonymous = new XMPPTCPConnection(config(name, "first", "SCRAM-SHA-1").build());
		this.connections.add(anonymous);
		anonymous.connect();
		AccountManager registrar = AccountManager.getInstance(anonymous);
		assertThat(registrar.supportsAccountCreation()).isTrue();
		registrar.createAccount(Localpart.from(name), "first");
		assertThatThrownBy(() -> registrar.createAccount(Localpart.from(name), "again")).isInstanceOf(XMPPException.XMPPErrorException.class)
			.hasMessageContaining("conflict");
		anonymous.disconnect();

		XMPPTCPConnection user = connect(config(name, "first", "SCRAM-SHA-1").build());
		AccountManager.getInstance(user).changePassword("second");
		user.disconnect();
		connect(config(name, "second", "SCRAM-SHA-1").build());
		assertThat(this.accounts.exists(name, "localhost")).isTrue();

		XMPPTCPConnection again = connect(config(name, "second", "PLAIN").build());
		AccountManager.getInstance(again).deleteAccount();
		assertThat(this.accounts.exists(name, "localhost")).isFalse();
	}

	@Test
	void registrationIsRefusedWhereItIsOff() throws Exception {
		XMPPTCPConnection anonymous = new XMPPTCPConnection(config("x", "y", "SCRAM-SHA-1").setXmppDomain("closed.test").build());
		this.connections.add(anonymous);
		anonymous.connect();
		assertThat(anonymous.hasFeature("register", "http://jabber.org/features/iq-register")).isFalse();
		AccountManager registrar = AccountManager.getInstance(anonymous);
		assertThatThrownBy(() -> registrar.createAccount(Localpart.from("intruder"), "pw"))
			.isInstanceOf(XMPPException.XMPPErrorException.class)
			.hasMessageContaining("service-unavailable");
	}

	private void awaitAvailable(XMPPTCPConnection connection) throws Exception {
		// The server handles stanzas in order: once the ping answers, the presence before it was taken.
		assertThat(PingManager.getInstanceFor(connection).pingMyServer()).isTrue();
	}

	private String account(String password) {
		String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.register(name, "localhost", password);
		return name;
	}

	private XMPPTCPConnection connect(XMPPTCPConnectionConfiguration config)
			throws SmackException, java.io.IOException, XMPPException, InterruptedException {
		XMPPTCPConnection connection = new XMPPTCPConnection(config);
		this.connections.add(connection);
		connection.connect().login();
		return connection;
	}

	private XMPPTCPConnectionConfiguration.Builder config(String user, String password, String mechanism) throws Exception {
		return GatewayIt.smack(DATA, this.c2s.port(), user, password, mechanism);
	}

	private static SSLContext trust() throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new javax.net.ssl.TrustManager[] { GatewayIt.trustManager(DATA) }, null);
		return context;
	}

}
