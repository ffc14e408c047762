package io.meridian.gateway.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import io.meridian.gateway.auth.AuthFailures;
import io.meridian.gateway.auth.CredentialStore;
import io.meridian.gateway.auth.SaslMechanisms;
import io.meridian.gateway.auth.ScramClient;
import io.meridian.gateway.auth.ScramCredentials;
import io.meridian.gateway.auth.ScramHash;
import io.meridian.gateway.domain.DomainTable;
import io.meridian.gateway.routing.InMemorySessionRegistry;
import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.routing.PresenceHandler;
import io.meridian.gateway.routing.Router;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.Stanzas;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream as a client sees it, through the decoder and the handler together. */
class ClientStreamHandlerTest {

	/** Without TLS: no STARTTLS to offer, and SCRAM only (PLAIN needs an encrypted stream). */
	private static final String FEATURES = "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
			+ "<mechanism>SCRAM-SHA-256</mechanism><mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>";

	private static final StreamRates RATES = new StreamRates(1 << 20, 1 << 20, 100, 100);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	static C2sServices services(List<String> domains, SimpleMeterRegistry meters) {
		DomainTable hosted = new DomainTable(domains.stream().collect(java.util.stream.Collectors.toMap(d -> d, d -> d)), List.of());
		InMemorySessionRegistry sessions = new InMemorySessionRegistry();
		return new C2sServices(hosted, new SaslMechanisms((user, domain, hash) -> Optional.empty(), 4096), sessions,
				new Router(sessions, hosted, List.of(), (sender, presence, target) -> List.of()), null, StartTlsPolicy.DISABLED, null,
				domain -> false, List.of(), RATES, RATES, new AuthFailures(3, java.time.Duration.ofMinutes(1), java.time.Clock.systemUTC()),
				Runnable::run, Runnable::run, meters);
	}

	private final EmbeddedChannel channel = channel(services(List.of("localhost", "Example.COM"), this.meters));

	@Test
	void answersAServedDomainWithAHeaderAndFeatures() {
		String reply = send(header("localhost", "1.0", "jabber:client"));
		assertThat(reply).startsWith("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
				+ "xmlns:stream='http://etherx.jabber.org/streams' id='")
			.contains("from='localhost' version='1.0' xml:lang='en'>")
			.endsWith(FEATURES);
		assertThat(this.channel.isOpen()).isTrue();
	}

	@Test
	void comparesDomainsCaseInsensitivelyAndKeepsTheClientsLanguage() {
		String reply = send("<stream:stream to='EXAMPLE.com' version='1.0' xml:lang='fr' xmlns='jabber:client' "
				+ "xmlns:stream='http://etherx.jabber.org/streams'>");
		assertThat(reply).contains("from='example.com'").contains("xml:lang='fr'").endsWith(FEATURES);
	}

	@Test
	void everyStreamGetsItsOwnId() {
		String first = send(header("localhost", "1.0", "jabber:client"));
		EmbeddedChannel other = channel(services(List.of("localhost"), this.meters));
		other.writeInbound(Unpooled.copiedBuffer(header("localhost", "1.0", "jabber:client"), StandardCharsets.UTF_8));
		assertThat(id(first)).hasSizeGreaterThanOrEqualTo(22).isNotEqualTo(id(drain(other)));
	}

	@Test
	void anUnknownDomainIsHostUnknown() {
		String reply = send(header("nowhere.example", "1.0", "jabber:client"));
		assertStreamError(reply, "host-unknown", "does not serve nowhere.example");
		assertThat(this.meters.counter("meridian.c2s.stream.errors", "condition", "host-unknown").count()).isEqualTo(1);
	}

	@Test
	void aMissingVersionIsUnsupportedVersion() {
		String reply = send("<stream:stream to='localhost' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
		assertStreamError(reply, "unsupported-version", "1.0");
	}

	@Test
	void aServerToServerNamespaceIsInvalidNamespace() {
		assertStreamError(send(header("localhost", "1.0", "jabber:server")), "invalid-namespace", "jabber:client");
	}

	@Test
	void malformedXmlGetsAHeaderThenNotWellFormed() {
		String reply = send("<stream:stream to='localhost' <<");
		assertThat(reply).startsWith("<?xml version='1.0'?><stream:stream ");
		assertStreamError(reply, "not-well-formed", "not well-formed XML");
	}

	@Test
	void stanzasBeforeAuthenticationAreNotAuthorized() {
		send(header("localhost", "1.0", "jabber:client"));
		assertStreamError(send("<message to='a@localhost'><body>hi</body></message>"), "not-authorized", "before authentication");
	}

	@Test
	void aClosingTagIsAnsweredAndTheConnectionClosed() {
		send(header("localhost", "1.0", "jabber:client"));
		assertThat(send("</stream:stream>")).isEqualTo("</stream:stream>");
		assertThat(this.channel.isOpen()).isFalse();
	}

	static EmbeddedChannel channel(C2sServices services) {
		ReadThrottle throttle = new ReadThrottle(services.preAuthRates(), services.meters().counter("pauses"));
		return new EmbeddedChannel(throttle, new XmlStreamDecoder(new StreamLimits(4096, 16)), new ClientStreamHandler(services, false, throttle));
	}

	@Test
	void authenticationRunsOffTheEventLoopWithReadingHeldAndLaterElementsKeptInOrder() {
		java.util.Queue<Runnable> authThreads = new java.util.ArrayDeque<>();
		C2sServices services = services(List.of("localhost"), this.meters);
		services = new C2sServices(services.domains(), services.sasl(), services.sessions(), services.router(), null,
				StartTlsPolicy.DISABLED, null, domain -> false, List.of(), RATES, RATES, services.authFailures(), authThreads::add,
				Runnable::run, this.meters);
		EmbeddedChannel channel = channel(services);
		channel.writeInbound(Unpooled.copiedBuffer(header("localhost", "1.0", "jabber:client"), StandardCharsets.UTF_8));
		drain(channel);

		String clientFirst = java.util.Base64.getEncoder().encodeToString("n,,n=juliet,r=abcdefgh".getBytes(StandardCharsets.UTF_8));
		channel.writeInbound(Unpooled.copiedBuffer("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>" + clientFirst
				+ "</auth><abort xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>", StandardCharsets.UTF_8));
		assertThat(drain(channel)).as("nothing before the lookup is done").isEmpty();
		assertThat(channel.config().isAutoRead()).isFalse();
		assertThat(authThreads).hasSize(1);

		authThreads.poll().run();
		channel.runPendingTasks();
		assertThat(drain(channel)).startsWith("<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>")
			.endsWith("</challenge><failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><aborted/></failure>");
		assertThat(channel.config().isAutoRead()).isTrue();
	}

	@Test
	void aStanzaThatWaitsOnTheDatabaseHoldsReadingAndTheSessionsNextStanzaWaitsForIt() {
		java.util.Queue<Runnable> stanzaThreads = new java.util.ArrayDeque<>();
		EmbeddedChannel channel = boundChannel(stanzaThreads::add);

		channel.writeInbound(Unpooled.copiedBuffer("<iq type='get' id='slow'><query xmlns='urn:example:slow'/></iq>"
				+ "<iq type='get' id='ping'><ping xmlns='urn:xmpp:ping'/></iq>", StandardCharsets.UTF_8));
		channel.runPendingTasks();
		assertThat(drain(channel)).as("the ping waits for the query sent before it").isEmpty();
		assertThat(channel.config().isAutoRead()).isFalse();
		assertThat(stanzaThreads).hasSize(1);

		stanzaThreads.poll().run();
		channel.runPendingTasks();
		String replies = drain(channel);
		assertThat(replies).contains("id='slow'").contains("id='ping'").contains("type='result'");
		assertThat(replies.indexOf("id='slow'")).as("answered in the order sent").isLessThan(replies.indexOf("id='ping'"));
		assertThat(stanzaThreads).as("the ping needs no database").isEmpty();
		assertThat(channel.config().isAutoRead()).isTrue();
	}

	@Test
	void aPingIsAnsweredOnTheEventLoopWithoutWaiting() {
		java.util.Queue<Runnable> stanzaThreads = new java.util.ArrayDeque<>();
		EmbeddedChannel channel = boundChannel(stanzaThreads::add);

		channel.writeInbound(Unpooled.copiedBuffer("<iq type='get' id='ping'><ping xmlns='urn:xmpp:ping'/></iq>", StandardCharsets.UTF_8));
		channel.runPendingTasks();
		assertThat(drain(channel)).contains("id='ping'").contains("type='result'");
		assertThat(stanzaThreads).isEmpty();
		assertThat(channel.config().isAutoRead()).isTrue();
	}

	@Test
	void aFullQueueAnswersResourceConstraintAndTheStreamGoesOn() {
		EmbeddedChannel channel = boundChannel(task -> {
			throw new java.util.concurrent.RejectedExecutionException("full");
		});

		channel.writeInbound(Unpooled.copiedBuffer("<iq type='get' id='slow'><query xmlns='urn:example:slow'/></iq>"
				+ "<iq type='get' id='ping'><ping xmlns='urn:xmpp:ping'/></iq>", StandardCharsets.UTF_8));
		channel.runPendingTasks();
		String replies = drain(channel);
		assertThat(replies).contains("<resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>").contains("type='wait'");
		assertThat(replies.indexOf("id='slow'")).isLessThan(replies.indexOf("id='ping'"));
		assertThat(channel.isOpen()).isTrue();
		assertThat(channel.config().isAutoRead()).isTrue();
	}

	@Test
	void aDroppedConnectionAnnouncesUnavailableAfterTheStanzaInFlight() {
		java.util.Queue<Runnable> stanzaThreads = new java.util.ArrayDeque<>();
		List<String> broadcasts = new java.util.concurrent.CopyOnWriteArrayList<>();
		EmbeddedChannel channel = boundChannel(stanzaThreads::add, (sender, presence, target) -> {
			sender.updatePresence(presence);
			broadcasts.add((presence.attribute("type") != null) ? presence.attribute("type") : "available");
			return List.of();
		});
		channel.writeInbound(Unpooled.copiedBuffer("<presence/>", StandardCharsets.UTF_8));
		stanzaThreads.poll().run();
		channel.runPendingTasks();

		channel.writeInbound(Unpooled.copiedBuffer("<iq type='get' id='slow'><query xmlns='urn:example:slow'/></iq>", StandardCharsets.UTF_8));
		channel.close();
		assertThat(broadcasts).containsExactly("available");
		assertThat(stanzaThreads).as("only the query, the unavailable presence waits for it").hasSize(1);

		stanzaThreads.poll().run();
		channel.runPendingTasks();
		assertThat(stanzaThreads).hasSize(1);
		stanzaThreads.poll().run();
		assertThat(broadcasts).containsExactly("available", "unavailable");
	}

	/** A stream authenticated as juliet@localhost and bound, whose router knows a handler that blocks and ping, which does not. */
	private EmbeddedChannel boundChannel(java.util.concurrent.Executor stanzaWorkers) {
		return boundChannel(stanzaWorkers, (sender, presence, target) -> List.of());
	}

	private EmbeddedChannel boundChannel(java.util.concurrent.Executor stanzaWorkers, PresenceHandler presenceHandler) {
		DomainTable hosted = new DomainTable(java.util.Map.of("localhost", "localhost"), List.of());
		InMemorySessionRegistry sessions = new InMemorySessionRegistry();
		ScramCredentials juliet = ScramCredentials.derive(ScramHash.SHA_256, "secret", 4096);
		IqHandler slow = new IqHandler() {
			@Override
			public String namespace() {
				return "urn:example:slow";
			}

			@Override
			public Element handle(Element iq, Jid from) {
				return Stanzas.result(iq);
			}
		};
		IqHandler ping = new IqHandler() {
			@Override
			public boolean blocking() {
				return false;
			}

			@Override
			public String namespace() {
				return "urn:xmpp:ping";
			}

			@Override
			public Element handle(Element iq, Jid from) {
				return Stanzas.result(iq);
			}
		};
		C2sServices services = new C2sServices(hosted,
				new SaslMechanisms((user, domain, hash) -> Optional.of(new CredentialStore.Stored(juliet, false)), 4096), sessions,
				new Router(sessions, hosted, List.of(slow, ping), presenceHandler), null, StartTlsPolicy.DISABLED,
				null, domain -> false, List.of(), RATES, RATES, new AuthFailures(3, java.time.Duration.ofMinutes(1), java.time.Clock.systemUTC()),
				Runnable::run, stanzaWorkers, this.meters);
		EmbeddedChannel channel = channel(services);
		ScramClient client = new ScramClient(ScramHash.SHA_256, "juliet", "secret");
		java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
		channel.writeInbound(Unpooled.copiedBuffer(header("localhost", "1.0", "jabber:client")
				+ "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-256'>" + base64.encodeToString(client.first()) + "</auth>",
				StandardCharsets.UTF_8));
		String challenge = drain(channel).replaceAll("(?s).*<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>(.*)</challenge>", "$1");
		byte[] last = client.last(java.util.Base64.getDecoder().decode(challenge));
		channel.writeInbound(Unpooled.copiedBuffer("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + base64.encodeToString(last)
				+ "</response>", StandardCharsets.UTF_8));
		assertThat(drain(channel)).startsWith("<success");
		channel.writeInbound(Unpooled.copiedBuffer(header("localhost", "1.0", "jabber:client")
				+ "<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>balcony</resource></bind></iq>",
				StandardCharsets.UTF_8));
		channel.runPendingTasks();
		assertThat(drain(channel)).contains("<jid>juliet@localhost/balcony</jid>");
		return channel;
	}

	private static String header(String to, String version, String namespace) {
		return "<?xml version='1.0'?><stream:stream to='" + to + "' version='" + version + "' xmlns='" + namespace
				+ "' xmlns:stream='http://etherx.jabber.org/streams'>";
	}

	private String send(String xml) {
		this.channel.writeInbound(Unpooled.copiedBuffer(xml, StandardCharsets.UTF_8));
		return drain(this.channel);
	}

	private static String drain(EmbeddedChannel channel) {
		StringBuilder sb = new StringBuilder();
		ByteBuf buf;
		while ((buf = channel.readOutbound()) != null) {
			sb.append(buf.toString(StandardCharsets.UTF_8));
			buf.release();
		}
		return sb.toString();
	}

	private static String id(String header) {
		int start = header.indexOf(" id='") + 5;
		return header.substring(start, header.indexOf('\'', start));
	}

	private void assertStreamError(String reply, String condition, String text) {
		assertThat(reply).contains("<stream:error><" + condition + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>")
			.contains(text)
			.endsWith("</stream:error></stream:stream>");
		assertThat(this.channel.isOpen()).as("open a moment for the client to close first").isTrue();
		this.channel.advanceTimeBy(ClientStreamHandler.CLOSE_GRACE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
		this.channel.runScheduledPendingTasks();
		assertThat(this.channel.isOpen()).isFalse();
	}

}
