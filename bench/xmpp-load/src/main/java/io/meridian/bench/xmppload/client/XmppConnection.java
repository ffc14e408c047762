package io.meridian.bench.xmppload.client;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import io.meridian.bench.xmppload.sasl.PlainClient;
import io.meridian.bench.xmppload.sasl.SaslClient;
import io.meridian.bench.xmppload.sasl.SaslException;
import io.meridian.bench.xmppload.sasl.ScramClient;
import io.meridian.bench.xmppload.sasl.ScramHash;
import io.meridian.bench.xmppload.xml.StreamEvent;
import io.meridian.bench.xmppload.xml.Xml;
import io.meridian.bench.xmppload.xml.XmlElement;
import io.meridian.bench.xmppload.xml.XmlFramer;

/**
 * One client connection and its negotiation (RFC 6120): stream header, STARTTLS, SASL, stream
 * restart, resource binding, the optional session IQ, then what {@link LoginSteps} asks for
 * (roster, initial presence), and a ping whose answer proves the server has processed all of it:
 * that is the moment the connection counts as online. Everything runs on the channel's event loop.
 */
public final class XmppConnection extends ChannelInboundHandlerAdapter {

	public static final String CLIENT = "jabber:client";

	static final String STREAMS = "http://etherx.jabber.org/streams";

	static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";

	static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";

	static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";

	static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";

	public static final String ROSTER = "jabber:iq:roster";

	static final String PING = "urn:xmpp:ping";

	static final String REGISTER = "jabber:iq:register";

	private enum State {
		CONNECTING, NEGOTIATING, AUTHENTICATING, BINDING, SETTING_UP, ONLINE, CLOSED
	}

	private final Endpoint endpoint;

	private final SslContext ssl;

	private final String user;

	private final String resource;

	private final LoginSteps steps;

	private final StanzaListener listener;

	private final XmlFramer framer = new XmlFramer();

	private final CompletableFuture<XmppConnection> online = new CompletableFuture<>();

	private final Map<String, CompletableFuture<XmlElement>> pending = new HashMap<>();

	private final long started = System.nanoTime();

	private byte[] scratch = new byte[4096];

	private State state = State.CONNECTING;

	private Channel channel;

	private boolean encrypted;

	private SaslClient sasl;

	private String jid;

	private long onlineAt;

	private int nextId;

	private int scramIterations;

	private List<XmlElement> roster = List.of();

	private ScheduledFuture<?> loginTimeout;

	private boolean closing;

	private boolean sessionNeeded;

	/** Free for the scenario: per-connection state it keeps on the connection. */
	public Object attachment;

	XmppConnection(Endpoint endpoint, SslContext ssl, String user, String resource, LoginSteps steps, StanzaListener listener) {
		this.endpoint = endpoint;
		this.ssl = ssl;
		this.user = user;
		this.resource = resource;
		this.steps = steps;
		this.listener = listener;
		this.encrypted = endpoint.tls() == TlsMode.DIRECT;
	}

	/** Completes once online (or the account is registered); fails with the reason the login did not get there. */
	public CompletableFuture<XmppConnection> online() {
		return this.online;
	}

	public String user() {
		return this.user;
	}

	/** The bare JID of the account. */
	public String bareJid() {
		return this.user + "@" + this.endpoint.domain();
	}

	/** The full JID the server bound, once bound. */
	public String jid() {
		return this.jid;
	}

	/** Nanoseconds from the connect call to online. */
	public long loginNanos() {
		return this.onlineAt - this.started;
	}

	/** The SCRAM iteration count the server asked for, 0 with PLAIN. */
	public int scramIterations() {
		return this.scramIterations;
	}

	/** Roster items from the login's roster get (empty when none was asked for). */
	public List<XmlElement> roster() {
		return this.roster;
	}

	public EventLoop eventLoop() {
		return this.channel.eventLoop();
	}

	public boolean isOnline() {
		return this.state == State.ONLINE;
	}

	/** Writes and flushes; from any thread. */
	public void send(String xml) {
		Channel ch = this.channel;
		if (ch != null) {
			ch.writeAndFlush(ByteBufUtil.writeUtf8(ch.alloc(), xml), ch.voidPromise());
		}
	}

	/** Sends an IQ and completes with its result or error. */
	public CompletableFuture<XmlElement> iq(String type, String to, String payload) {
		CompletableFuture<XmlElement> answer = new CompletableFuture<>();
		this.channel.eventLoop().execute(() -> {
			String id = "q" + (this.nextId++);
			this.pending.put(id, answer);
			send("<iq type='" + type + "' id='" + id + "'" + ((to != null) ? " to='" + Xml.escape(to) + "'" : "") + ">" + payload + "</iq>");
		});
		return answer;
	}

	/** Ends the stream politely and closes once the server answers (or after a second). */
	public CompletableFuture<Void> close() {
		CompletableFuture<Void> closed = new CompletableFuture<>();
		Channel ch = this.channel;
		if (ch == null || !ch.isActive()) {
			closed.complete(null);
			return closed;
		}
		ch.closeFuture().addListener(f -> closed.complete(null));
		ch.eventLoop().execute(() -> {
			this.closing = true;
			ch.writeAndFlush(ByteBufUtil.writeUtf8(ch.alloc(), "</stream:stream>"));
			ch.eventLoop().schedule(() -> ch.close(), 1, TimeUnit.SECONDS);
		});
		return closed;
	}

	SslHandler newSslHandler(Channel ch) {
		SslHandler handler = this.ssl.newHandler(ch.alloc(), this.endpoint.domain(), this.endpoint.port());
		handler.setHandshakeTimeoutMillis(this.endpoint.loginTimeout().toMillis());
		return handler;
	}

	void failToConnect(Throwable cause) {
		this.state = State.CLOSED;
		this.online.completeExceptionally(new LoginException("connect to " + this.endpoint.host() + ":" + this.endpoint.port() + ": " + cause.getMessage()));
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		this.channel = ctx.channel();
		this.state = State.NEGOTIATING;
		this.loginTimeout = ctx.executor().schedule(() -> fail(ctx, new LoginException("not online within " + this.endpoint.loginTimeout())),
				this.endpoint.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
		sendHeader(ctx);
		ctx.fireChannelActive();
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.channel = ctx.channel();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf buf = (ByteBuf) msg;
		try {
			int n = buf.readableBytes();
			if (this.scratch.length < n) {
				this.scratch = new byte[Math.max(n, this.scratch.length * 2)];
			}
			buf.readBytes(this.scratch, 0, n);
			this.framer.feed(this.scratch, 0, n, event -> onEvent(ctx, event));
		}
		finally {
			buf.release();
		}
	}

	private void onEvent(ChannelHandlerContext ctx, StreamEvent event) {
		switch (event) {
			case StreamEvent.Opened opened -> {
			}
			case StreamEvent.Element e -> onElement(ctx, e.element());
			case StreamEvent.Closed closed -> {
				if (this.closing) {
					ctx.close();
				}
				else {
					fail(ctx, new LoginException("server closed the stream"));
				}
			}
		}
	}

	private void onElement(ChannelHandlerContext ctx, XmlElement element) {
		if (element.namespace().equals(STREAMS)) {
			if (element.name().equals("features")) {
				features(ctx, element);
			}
			else if (element.name().equals("error")) {
				String condition = element.children().isEmpty() ? "?" : element.children().get(0).name();
				String text = element.childText("text");
				fail(ctx, new LoginException("stream error " + condition + ((text != null) ? ": " + text : "")));
			}
			return;
		}
		switch (this.state) {
			case NEGOTIATING -> negotiating(ctx, element);
			case AUTHENTICATING -> authenticating(ctx, element);
			case BINDING, SETTING_UP -> setup(ctx, element);
			case ONLINE -> stanza(element);
			default -> {
			}
		}
	}

	private void features(ChannelHandlerContext ctx, XmlElement features) {
		if (this.state == State.BINDING) {
			if (features.child("bind", BIND) == null) {
				fail(ctx, new LoginException("no resource binding offered after authentication"));
				return;
			}
			String resourceXml = (this.resource != null) ? "<resource>" + Xml.escape(this.resource) + "</resource>" : "";
			send("<iq type='set' id='bind'><bind xmlns='" + BIND + "'>" + resourceXml + "</bind></iq>");
			XmlElement session = features.child("session", SESSION);
			this.sessionNeeded = session != null && session.child("optional") == null;
			return;
		}
		if (!this.encrypted && this.endpoint.tls() == TlsMode.STARTTLS) {
			if (features.child("starttls", TLS) == null) {
				fail(ctx, new LoginException("server offers no STARTTLS"));
				return;
			}
			send("<starttls xmlns='" + TLS + "'/>");
			return;
		}
		if (this.steps.register()) {
			this.state = State.SETTING_UP;
			send("<iq type='set' id='register'><query xmlns='" + REGISTER + "'><username>" + Xml.escape(this.user) + "</username><password>"
					+ Xml.escape(this.endpoint.password()) + "</password></query></iq>");
			return;
		}
		XmlElement mechanisms = features.child("mechanisms", SASL);
		List<String> offered = new ArrayList<>();
		if (mechanisms != null) {
			mechanisms.children().forEach(m -> offered.add(m.text().trim()));
		}
		String mechanism = this.endpoint.mechanism();
		if (!offered.contains(mechanism)) {
			fail(ctx, new LoginException("server does not offer " + mechanism + " (offers " + offered + ")"));
			return;
		}
		ScramHash hash = ScramHash.forMechanism(mechanism);
		this.sasl = (hash != null) ? new ScramClient(hash, this.user, this.endpoint.password(), this.endpoint.saltedPasswords())
				: new PlainClient(this.user, this.endpoint.password());
		this.state = State.AUTHENTICATING;
		send("<auth xmlns='" + SASL + "' mechanism='" + mechanism + "'>" + Base64.getEncoder().encodeToString(this.sasl.initialResponse())
				+ "</auth>");
	}

	private void negotiating(ChannelHandlerContext ctx, XmlElement element) {
		if (element.is("proceed", TLS)) {
			SslHandler tls = newSslHandler(ctx.channel());
			ctx.pipeline().addFirst("tls", tls);
			this.encrypted = true;
			this.framer.reset();
			tls.handshakeFuture().addListener(f -> {
				if (f.isSuccess()) {
					sendHeader(ctx);
				}
				else {
					fail(ctx, new LoginException("TLS handshake: " + f.cause().getMessage()));
				}
			});
		}
		else if (element.is("failure", TLS)) {
			fail(ctx, new LoginException("STARTTLS refused"));
		}
		else {
			fail(ctx, new LoginException("unexpected <" + element.name() + "/> while negotiating"));
		}
	}

	private void authenticating(ChannelHandlerContext ctx, XmlElement element) {
		if (!element.namespace().equals(SASL)) {
			fail(ctx, new LoginException("unexpected <" + element.name() + "/> during SASL"));
			return;
		}
		try {
			switch (element.name()) {
				case "challenge" -> {
					byte[] response = this.sasl.evaluateChallenge(decode(element.text()));
					if (this.sasl instanceof ScramClient scram) {
						this.scramIterations = scram.iterations();
					}
					send("<response xmlns='" + SASL + "'>" + Base64.getEncoder().encodeToString(response) + "</response>");
				}
				case "success" -> {
					this.sasl.verifySuccess(decode(element.text()));
					this.state = State.BINDING;
					this.framer.reset();
					sendHeader(ctx);
				}
				case "failure" -> {
					String condition = element.children().isEmpty() ? "?" : element.children().get(0).name();
					fail(ctx, new LoginException("SASL " + this.sasl.mechanism() + " failure: " + condition));
				}
				default -> fail(ctx, new LoginException("unexpected <" + element.name() + "/> during SASL"));
			}
		}
		catch (SaslException ex) {
			fail(ctx, new LoginException("SASL " + this.sasl.mechanism() + ": " + ex.getMessage()));
		}
	}

	private static byte[] decode(String text) {
		String trimmed = text.trim();
		return (trimmed.isEmpty() || trimmed.equals("=")) ? new byte[0] : Base64.getDecoder().decode(trimmed);
	}

	private void setup(ChannelHandlerContext ctx, XmlElement element) {
		if (!element.is("iq", CLIENT)) {
			// Servers may push presence or messages before the ping answer; they belong to the scenario.
			stanza(element);
			return;
		}
		String id = element.attribute("id");
		String type = element.attribute("type");
		if ("get".equals(type) || "set".equals(type)) {
			stanza(element);
			return;
		}
		if ("error".equals(type) && !"register".equals(id)) {
			fail(ctx, new LoginException("iq " + id + " failed: " + errorCondition(element)));
			return;
		}
		switch (String.valueOf(id)) {
			case "register" -> {
				if ("error".equals(type) && !"conflict".equals(errorCondition(element))) {
					fail(ctx, new LoginException("registration failed: " + errorCondition(element)));
					return;
				}
				goOnline(ctx);
			}
			case "bind" -> {
				XmlElement bind = element.child("bind", BIND);
				this.jid = (bind != null) ? bind.childText("jid") : null;
				if (this.jid == null) {
					fail(ctx, new LoginException("bind result without a JID"));
					return;
				}
				this.state = State.SETTING_UP;
				if (this.sessionNeeded) {
					send("<iq type='set' id='session'><session xmlns='" + SESSION + "'/></iq>");
				}
				else {
					afterSession();
				}
			}
			case "session" -> afterSession();
			case "roster" -> {
				XmlElement query = element.child("query", ROSTER);
				this.roster = (query != null) ? query.children() : List.of();
				afterRoster();
			}
			case "online" -> goOnline(ctx);
			default -> answer(element);
		}
	}

	private void afterSession() {
		if (this.steps.rosterGet()) {
			send("<iq type='get' id='roster'><query xmlns='" + ROSTER + "'/></iq>");
		}
		else {
			afterRoster();
		}
	}

	private void afterRoster() {
		if (this.steps.initialPresence()) {
			send("<presence/>");
		}
		// The answer to this ping comes after the server has handled everything sent before it.
		send("<iq type='get' id='online' to='" + Xml.escape(this.endpoint.domain()) + "'><ping xmlns='" + PING + "'/></iq>");
	}

	private void goOnline(ChannelHandlerContext ctx) {
		this.state = State.ONLINE;
		this.onlineAt = System.nanoTime();
		this.loginTimeout.cancel(false);
		this.online.complete(this);
	}

	private void stanza(XmlElement stanza) {
		if (stanza.name().equals("iq")) {
			String type = stanza.attribute("type");
			if ("result".equals(type) || "error".equals(type)) {
				answer(stanza);
				return;
			}
			if (stanza.child("ping", PING) != null) {
				String from = stanza.attribute("from");
				send("<iq type='result' id='" + Xml.escape(String.valueOf(stanza.attribute("id"))) + "'"
						+ ((from != null) ? " to='" + Xml.escape(from) + "'" : "") + "/>");
				return;
			}
		}
		this.listener.onStanza(this, stanza);
	}

	private void answer(XmlElement iq) {
		CompletableFuture<XmlElement> waiting = this.pending.remove(iq.attribute("id"));
		if (waiting != null) {
			waiting.complete(iq);
		}
		else {
			this.listener.onStanza(this, iq);
		}
	}

	/** The defined condition of a stanza error, or "?" */
	public static String errorCondition(XmlElement stanza) {
		XmlElement error = stanza.child("error");
		if (error == null) {
			return "?";
		}
		for (XmlElement child : error.children()) {
			if (!child.name().equals("text")) {
				return child.name();
			}
		}
		return "?";
	}

	private void sendHeader(ChannelHandlerContext ctx) {
		send("<?xml version='1.0'?><stream:stream to='" + Xml.escape(this.endpoint.domain())
				+ "' version='1.0' xml:lang='en' xmlns='jabber:client' xmlns:stream='" + STREAMS + "'>");
	}

	/** Where a login stopped, for the failure message: the TLS handshake, SASL, binding or after. */
	private String stage() {
		SslHandler tls = (this.channel != null) ? this.channel.pipeline().get(SslHandler.class) : null;
		if (tls != null && !tls.handshakeFuture().isDone()) {
			return "in the TLS handshake";
		}
		return "at " + this.state.name().toLowerCase(java.util.Locale.ROOT) + ((tls != null) ? ", after the TLS handshake" : "");
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		fail(ctx, cause);
	}

	private void fail(ChannelHandlerContext ctx, Throwable cause) {
		if (this.state == State.CLOSED) {
			return;
		}
		boolean wasOnline = this.state == State.ONLINE;
		this.state = State.CLOSED;
		if (!this.online.isDone()) {
			this.online.completeExceptionally((cause instanceof LoginException) ? cause
					: new LoginException(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
		}
		if (wasOnline) {
			this.listener.onClosed(this, cause);
		}
		ctx.close();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.loginTimeout != null) {
			this.loginTimeout.cancel(false);
		}
		this.pending.values().forEach(f -> f.completeExceptionally(new LoginException("connection closed")));
		this.pending.clear();
		if (this.state != State.CLOSED) {
			boolean wasOnline = this.state == State.ONLINE;
			this.state = State.CLOSED;
			if (!this.online.isDone()) {
				this.online.completeExceptionally(new LoginException("connection closed during login (" + stage() + ")"));
			}
			if (wasOnline) {
				this.listener.onClosed(this, this.closing ? null : new LoginException("connection closed by the server"));
			}
		}
	}

}
