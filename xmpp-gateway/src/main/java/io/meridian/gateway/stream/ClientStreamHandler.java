package io.meridian.gateway.stream;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.meridian.gateway.auth.ChannelBinding;
import io.meridian.gateway.auth.SaslCondition;
import io.meridian.gateway.auth.SaslServer;
import io.meridian.gateway.auth.SaslStep;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;
import io.meridian.gateway.stanza.Xml;

/**
 * Runs one client-to-server stream (RFC 6120): the stream header, STARTTLS, SASL, resource
 * binding, then hands the session's stanzas to the router. Any breach of the protocol ends the
 * stream with the RFC's stream error. One instance per connection, on its event loop.
 */
public final class ClientStreamHandler extends SimpleChannelInboundHandler<StreamEvent> {

	private static final Logger log = LoggerFactory.getLogger(ClientStreamHandler.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int MAX_SASL_FAILURES = 3;

	/** How long a stream that got a stream error may stay open for its client to read the error and close first. */
	static final long CLOSE_GRACE_MILLIS = 1000;

	static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";

	static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";

	static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";

	static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";

	private final C2sServices services;

	private final ReadThrottle throttle;

	private TokenBucket stanzas;

	private boolean encrypted;

	private String domain;

	private boolean headerSent;

	private boolean failed;

	private SaslServer sasl;

	/** Set once TLS is up: what SCRAM -PLUS binds to. */
	private ChannelBinding channelBinding;

	private int saslFailures;

	private String user;

	private ChannelSession session;

	/** Whether work for this stream runs off the event loop (authentication, a stanza that waits on the database); reading is held meanwhile. */
	private boolean pending;

	/** Set when the connection closed while work was off the loop: its unavailable presence goes out once that work is done. */
	private boolean goneUnannounced;

	/** Events parsed from the read that was under way when work went off the loop, handled when it is back, in order. */
	private final Queue<StreamEvent> queued = new ArrayDeque<>();

	/**
	 * @param services what the node offers every stream
	 * @param encrypted whether the connection is TLS from its first byte
	 * @param throttle the connection's read throttle, in front of the decoder
	 */
	public ClientStreamHandler(C2sServices services, boolean encrypted, ReadThrottle throttle) {
		this.services = services;
		this.encrypted = encrypted;
		this.throttle = throttle;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.stanzas = stanzaBucket(ctx, this.services.preAuthRates());
	}

	private static TokenBucket stanzaBucket(ChannelHandlerContext ctx, StreamRates rates) {
		return new TokenBucket(rates.stanzasPerSecond(), rates.stanzaBurst(), ctx.executor().ticker()::nanoTime);
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, StreamEvent event) {
		if (this.failed) {
			// What the client sends after a stream error, until it or the grace period closes the connection.
			return;
		}
		if (this.pending) {
			this.queued.add(event);
			return;
		}
		switch (event) {
			case StreamEvent.Opened opened -> open(ctx, opened);
			case StreamEvent.Received received -> received(ctx, received.element());
			case StreamEvent.Closed closed -> ctx.writeAndFlush(bytes("</stream:stream>")).addListener(ChannelFutureListener.CLOSE);
		}
	}

	private void open(ChannelHandlerContext ctx, StreamEvent.Opened opened) {
		String to = opened.attribute("to");
		String requested = (to != null) ? to.toLowerCase(Locale.ROOT) : null;
		if (this.domain == null) {
			this.domain = requested;
		}
		String lang = opened.attribute("xml:lang");
		sendHeader(ctx, (lang != null) ? lang : "en");
		if (!Namespaces.CLIENT.equals(opened.defaultNamespace())) {
			throw new StreamException(StreamErrorCondition.INVALID_NAMESPACE, "the content namespace must be " + Namespaces.CLIENT);
		}
		if (!isVersionOne(opened.attribute("version"))) {
			throw new StreamException(StreamErrorCondition.UNSUPPORTED_VERSION, "only XMPP version 1.0 is supported");
		}
		if (requested == null || !this.services.domains().isServed(requested)) {
			throw new StreamException(StreamErrorCondition.HOST_UNKNOWN,
					(to == null) ? "the stream header has no 'to'" : "this server does not serve " + to);
		}
		if (!requested.equals(this.domain)) {
			throw new StreamException(StreamErrorCondition.HOST_UNKNOWN, "a restarted stream must stay on " + this.domain);
		}
		if (this.encrypted && this.channelBinding == null) {
			this.channelBinding = channelBinding(ctx);
		}
		ctx.writeAndFlush(bytes(features()));
	}

	/** The certificate this server showed on the connection, for SCRAM's -PLUS mechanisms. */
	private static ChannelBinding channelBinding(ChannelHandlerContext ctx) {
		SslHandler tls = ctx.pipeline().get(SslHandler.class);
		Certificate[] shown = (tls != null) ? tls.engine().getSession().getLocalCertificates() : null;
		return (shown != null && shown.length > 0 && shown[0] instanceof X509Certificate certificate)
				? ChannelBinding.tlsServerEndPoint(certificate) : null;
	}

	/** The features for the stream's state, in negotiation order. */
	private String features() {
		StringBuilder sb = new StringBuilder("<stream:features>");
		if (this.user == null) {
			boolean offerTls = !this.encrypted && this.services.tls() != null && this.services.startTls() != StartTlsPolicy.DISABLED;
			if (offerTls) {
				sb.append("<starttls xmlns='").append(TLS).append("'>");
				sb.append(tlsRequired() ? "<required/>" : "").append("</starttls>");
			}
			if (!tlsRequired()) {
				sb.append("<mechanisms xmlns='").append(SASL).append("'>");
				this.services.sasl().offered(this.encrypted, this.channelBinding)
					.forEach(m -> sb.append("<mechanism>").append(m).append("</mechanism>"));
				sb.append("</mechanisms>");
				if (this.channelBinding != null) {
					// XEP-0440: which binding the -PLUS mechanisms expect.
					sb.append("<sasl-channel-binding xmlns='urn:xsf:sasl-cb:0'><channel-binding type='")
						.append(this.channelBinding.type()).append("'/></sasl-channel-binding>");
				}
				if (this.services.registrationOpen().test(this.domain)) {
					sb.append("<register xmlns='http://jabber.org/features/iq-register'/>");
				}
			}
		}
		else {
			sb.append("<bind xmlns='").append(BIND).append("'/>");
			sb.append("<session xmlns='").append(SESSION).append("'><optional/></session>");
			this.services.sessionFeatures().forEach(feature -> sb.append(feature.toXml()));
		}
		return sb.append("</stream:features>").toString();
	}

	private boolean tlsRequired() {
		return !this.encrypted && this.services.tls() != null && this.services.startTls() == StartTlsPolicy.REQUIRED;
	}

	private void received(ChannelHandlerContext ctx, Element element) {
		if (!this.stanzas.tryTake(1)) {
			String who = (this.session != null) ? this.session.jid().toString()
					: (this.user != null) ? this.user + "@" + this.domain : "unauthenticated";
			log.warn("Stanza flood from {} ({}): over the ceiling of meridian.c2s.limits", ctx.channel().remoteAddress(), who);
			throw new StreamException(StreamErrorCondition.POLICY_VIOLATION, "too many stanzas");
		}
		if (this.user == null) {
			negotiate(ctx, element);
		}
		else if (this.session == null) {
			bind(ctx, element);
		}
		else {
			stanza(ctx, element);
		}
	}

	private void negotiate(ChannelHandlerContext ctx, Element element) {
		if (element.namespace().equals(TLS) && element.name().equals("starttls")) {
			startTls(ctx);
			return;
		}
		if (tlsRequired()) {
			throw new StreamException(StreamErrorCondition.POLICY_VIOLATION, "STARTTLS is required on this server");
		}
		if (isRegistration(element)) {
			// Creating an account derives its keys and writes to the database: off the event loop.
			Jid domainJid = Jid.of(null, this.domain, null);
			offload(ctx, this.services.authWorkers(), () -> this.services.registration().handle(element, domainJid), (reply, error) -> {
				if (error != null) {
					log.error("In-band registration on {} failed", this.domain, error);
					reply = StanzaError.INTERNAL_SERVER_ERROR.replyTo(element, null);
				}
				write(ctx, reply);
			});
			return;
		}
		if (!element.namespace().equals(SASL)) {
			throw new StreamException(StreamErrorCondition.NOT_AUTHORIZED, "<" + element.name() + "/> before authentication");
		}
		switch (element.name()) {
			case "auth" -> auth(ctx, element);
			case "response" -> saslResponse(ctx, element);
			case "abort" -> saslFailure(ctx, new SaslStep.Failure(SaslCondition.ABORTED, "client aborted"));
			default -> throw new StreamException(StreamErrorCondition.NOT_AUTHORIZED, "<" + element.name() + "/> before authentication");
		}
	}

	/** XEP-0077 before authentication; the handler answers service-unavailable where it is off. */
	private boolean isRegistration(Element element) {
		Element payload = element.name().equals("iq") ? Stanzas.payload(element) : null;
		return payload != null && payload.namespace().equals("jabber:iq:register") && this.services.registration() != null;
	}

	private void startTls(ChannelHandlerContext ctx) {
		if (this.encrypted || this.services.tls() == null || this.services.startTls() == StartTlsPolicy.DISABLED) {
			ctx.writeAndFlush(bytes("<failure xmlns='" + TLS + "'/></stream:stream>")).addListener(ChannelFutureListener.CLOSE);
			this.failed = true;
			return;
		}
		// startTls=true lets <proceed/> out in clear; everything after it is encrypted.
		ctx.pipeline().addFirst("tls", new SslHandler(this.services.tls().newEngine(ctx.alloc()), true));
		ctx.writeAndFlush(bytes("<proceed xmlns='" + TLS + "'/>"));
		this.encrypted = true;
		restart(ctx);
	}

	private void auth(ChannelHandlerContext ctx, Element auth) {
		InetAddress address = remoteAddress(ctx);
		if (address != null && this.services.authFailures().blocked(address)) {
			// RFC 6120 6.5.10: temporary-auth-failure tells the client to try again later; then, as for too many
			// retries (6.4.5) and as ejabberd's mod_fail2ban does, the stream ends with policy-violation.
			this.services.meters().counter("meridian.c2s.logins", "result", "refused").increment();
			ctx.writeAndFlush(bytes("<failure xmlns='" + SASL + "'><temporary-auth-failure/><text xml:lang='en'>"
					+ "Too many authentication failures from your address; try again later</text></failure>"));
			throw new StreamException(StreamErrorCondition.POLICY_VIOLATION, "Too many auth failures");
		}
		String mechanism = auth.attribute("mechanism");
		this.sasl = this.services.sasl().start(mechanism, this.domain, this.encrypted, this.channelBinding);
		if (this.sasl == null) {
			SaslCondition condition = this.services.sasl().needsEncryption(mechanism, this.encrypted) ? SaslCondition.ENCRYPTION_REQUIRED
					: SaslCondition.INVALID_MECHANISM;
			saslFailure(ctx, new SaslStep.Failure(condition, "mechanism " + mechanism + " not offered here"));
			return;
		}
		evaluate(ctx, auth.text());
	}

	private void saslResponse(ChannelHandlerContext ctx, Element response) {
		if (this.sasl == null) {
			saslFailure(ctx, new SaslStep.Failure(SaslCondition.MALFORMED_REQUEST, "response without auth"));
			return;
		}
		evaluate(ctx, response.text());
	}

	private void evaluate(ChannelHandlerContext ctx, String base64) {
		byte[] data;
		try {
			String text = base64.trim();
			data = text.equals("=") ? new byte[0] : Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			saslFailure(ctx, new SaslStep.Failure(SaslCondition.INCORRECT_ENCODING, "bad base64"));
			return;
		}
		// Credential lookups and PLAIN's key derivation block: off the event loop.
		SaslServer exchange = this.sasl;
		offload(ctx, this.services.authWorkers(), () -> exchange.evaluate(data), (step, error) -> {
			if (error != null) {
				log.error("SASL evaluation for a client at {} failed", ctx.channel().remoteAddress(), error);
				step = new SaslStep.Failure(SaslCondition.TEMPORARY_AUTH_FAILURE, "authentication is unavailable: " + error);
			}
			saslStep(ctx, step);
		});
	}

	private void saslStep(ChannelHandlerContext ctx, SaslStep step) {
		switch (step) {
			case SaslStep.Challenge challenge -> ctx.writeAndFlush(bytes("<challenge xmlns='" + SASL + "'>"
					+ Base64.getEncoder().encodeToString(challenge.data()) + "</challenge>"));
			case SaslStep.Success success -> {
				this.sasl = null;
				this.user = success.username();
				String extra = (success.additionalData() != null) ? Base64.getEncoder().encodeToString(success.additionalData()) : "";
				ctx.writeAndFlush(bytes("<success xmlns='" + SASL + "'>" + extra + "</success>"));
				this.services.meters().counter("meridian.c2s.logins", "result", "success").increment();
				log.info("{}@{} authenticated from {}", this.user, this.domain, ctx.channel().remoteAddress());
				this.throttle.rates(this.services.rates());
				this.stanzas = stanzaBucket(ctx, this.services.rates());
				restart(ctx);
			}
			case SaslStep.Failure failure -> saslFailure(ctx, failure);
		}
	}

	private void saslFailure(ChannelHandlerContext ctx, SaslStep.Failure failure) {
		this.sasl = null;
		this.saslFailures++;
		InetAddress address = remoteAddress(ctx);
		// Only wrong credentials count against the address: that is what guessing produces.
		if (address != null && failure.condition() == SaslCondition.NOT_AUTHORIZED) {
			this.services.authFailures().failed(address);
		}
		this.services.meters().counter("meridian.c2s.logins", "result", failure.condition().elementName()).increment();
		log.info("SASL failure from {}: {} ({})", ctx.channel().remoteAddress(), failure.condition().elementName(), failure.reason());
		ctx.writeAndFlush(bytes("<failure xmlns='" + SASL + "'><" + failure.condition().elementName() + "/></failure>"));
		if (this.saslFailures >= MAX_SASL_FAILURES) {
			throw new StreamException(StreamErrorCondition.POLICY_VIOLATION, "too many authentication failures");
		}
	}

	/**
	 * Runs blocking work on {@code workers} and {@code then} back on this channel's event loop,
	 * with the result or the failure (unwrapped). Reading is held and events already parsed wait
	 * in order, so the stream handles one thing at a time: a session's stanzas keep their order.
	 */
	private <T> void offload(ChannelHandlerContext ctx, Executor workers, Supplier<T> work, BiConsumer<T, Throwable> then) {
		this.pending = true;
		this.throttle.hold(true);
		CompletableFuture<T> future;
		try {
			future = CompletableFuture.supplyAsync(work, workers);
		}
		catch (RejectedExecutionException ex) {
			future = CompletableFuture.failedFuture(ex);
		}
		future.whenComplete((result, error) -> ctx.executor().execute(() -> {
			this.pending = false;
			this.throttle.hold(false);
			Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
			if (this.failed || !ctx.channel().isActive()) {
				if (cause != null) {
					log.warn("Work for the ended stream from {} did not complete: {}", ctx.channel().remoteAddress(), cause.toString());
				}
				if (this.goneUnannounced && !ctx.channel().isActive()) {
					this.goneUnannounced = false;
					announceGone(ctx);
				}
				return;
			}
			try {
				then.accept(result, cause);
				while (!this.pending && !this.failed && !this.queued.isEmpty()) {
					channelRead0(ctx, this.queued.poll());
				}
			}
			catch (RuntimeException ex) {
				exceptionCaught(ctx, ex);
			}
		}));
	}

	private static InetAddress remoteAddress(ChannelHandlerContext ctx) {
		return (ctx.channel().remoteAddress() instanceof InetSocketAddress inet) ? inet.getAddress() : null;
	}

	/** After STARTTLS or SASL success the client opens a new stream: a fresh parser and header. */
	private void restart(ChannelHandlerContext ctx) {
		ctx.pipeline().get(XmlStreamDecoder.class).reset();
		this.headerSent = false;
	}

	private void bind(ChannelHandlerContext ctx, Element element) {
		Element payload = element.name().equals("iq") ? Stanzas.payload(element) : null;
		if (payload == null || !"set".equals(element.attribute("type"))) {
			if (payload != null && payload.namespace().equals(SESSION)) {
				write(ctx, Stanzas.result(element));
				return;
			}
			throw new StreamException(StreamErrorCondition.NOT_AUTHORIZED, "bind a resource first");
		}
		if (payload.namespace().equals(SESSION)) {
			write(ctx, Stanzas.result(element));
			return;
		}
		if (!payload.namespace().equals(BIND)) {
			throw new StreamException(StreamErrorCondition.NOT_AUTHORIZED, "bind a resource first");
		}
		Element resource = payload.child("resource", BIND);
		String wanted = (resource != null && !resource.text().isBlank()) ? resource.text().trim() : null;
		Jid jid;
		try {
			jid = Jid.of(this.user, this.domain, (wanted != null) ? wanted : newResource());
		}
		catch (IllegalArgumentException ex) {
			write(ctx, StanzaError.BAD_REQUEST.replyTo(element, ex.getMessage()));
			return;
		}
		this.session = new ChannelSession(jid, ctx.channel(), this);
		LocalSession replaced = this.services.sessions().register(this.session);
		if (replaced != null) {
			replaced.end(StreamErrorCondition.CONFLICT.elementName(), "replaced by a new session");
		}
		MDC.put("jid", jid.toString());
		log.info("Session {} bound", jid);
		MDC.remove("jid");
		write(ctx, Stanzas.result(element, Element.builder("bind", BIND)
			.child(Element.builder("jid", BIND).text(jid.toString()).build())
			.build()));
	}

	private void stanza(ChannelHandlerContext ctx, Element stanza) {
		if (!stanza.namespace().equals(Namespaces.CLIENT)) {
			throw new StreamException(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, "<" + stanza.name() + "/> in " + stanza.namespace());
		}
		switch (stanza.name()) {
			case "message", "presence", "iq" -> {
			}
			default -> throw new StreamException(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, "<" + stanza.name() + "/> is not a stanza");
		}
		Element stamped = stanza.withAttribute("from", this.session.jid().toString());
		if (stamped.name().equals("iq") && Stanzas.payload(stamped) != null && Stanzas.payload(stamped).namespace().equals(SESSION)) {
			this.session.deliver(Stanzas.result(stamped));
			return;
		}
		route(ctx, stamped);
	}

	/** Routes a stanza of the session; what the router says waits on the database runs on the stanza workers. */
	private void route(ChannelHandlerContext ctx, Element stanza) {
		this.services.router().route(this.session, stanza, work -> offload(ctx, this.services.stanzaWorkers(), () -> {
			work.run();
			return null;
		}, (done, error) -> {
			if (error != null) {
				refused(ctx, stanza, error);
			}
		}));
	}

	/**
	 * A stanza whose database work could not run: a full queue is {@code resource-constraint}, a
	 * failure {@code internal-server-error}, both answered to the sender (RFC 6120 8.3.3.18,
	 * 8.3.3.6) rather than dropped, so a client waiting on an IQ or a message's delivery hears of
	 * it; an error stanza is never answered (8.3.1).
	 */
	private void refused(ChannelHandlerContext ctx, Element stanza, Throwable error) {
		StanzaError condition;
		if (error instanceof RejectedExecutionException) {
			log.warn("Blocking work queue of meridian.c2s.blocking-threads is full: <{}/> of {} answered resource-constraint",
					stanza.name(), this.session.jid());
			condition = StanzaError.RESOURCE_CONSTRAINT;
		}
		else {
			log.error("<{}/> of {} failed", stanza.name(), this.session.jid(), error);
			condition = StanzaError.INTERNAL_SERVER_ERROR;
		}
		if (!"error".equals(stanza.attribute("type")) && ctx.channel().isActive()) {
			this.session.deliver(condition.replyTo(stanza, null));
		}
	}

	private static String newResource() {
		byte[] bytes = new byte[9];
		RANDOM.nextBytes(bytes);
		return "meridian-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private void sendHeader(ChannelHandlerContext ctx, String lang) {
		StringBuilder sb = new StringBuilder(256);
		sb.append("<?xml version='1.0'?><stream:stream xmlns='").append(Namespaces.CLIENT)
			.append("' xmlns:stream='").append(Namespaces.STREAMS).append("' id='").append(newStreamId());
		if (this.domain != null) {
			sb.append("' from='");
			Xml.escape(this.domain, sb);
		}
		sb.append("' version='1.0' xml:lang='");
		Xml.escape(lang, sb);
		sb.append("'>");
		ctx.write(bytes(sb.toString()));
		this.headerSent = true;
	}

	private static boolean isVersionOne(String version) {
		if (version == null) {
			return false;
		}
		int dot = version.indexOf('.');
		return (dot > 0) && version.substring(0, dot).equals("1");
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (event instanceof IdleStateEvent) {
			fail(ctx, new StreamException(StreamErrorCondition.CONNECTION_TIMEOUT, "no traffic within the idle timeout"));
			return;
		}
		super.userEventTriggered(ctx, event);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		if (this.session != null) {
			this.services.sessions().unregister(this.session);
			if (this.pending) {
				// After the stanza in flight, which may still change the presence (an initial broadcast).
				this.goneUnannounced = true;
			}
			else {
				announceGone(ctx);
			}
		}
		super.channelInactive(ctx);
	}

	/** Contacts and directed-presence recipients must learn the resource is gone (RFC 6121 4.5.2, 4.6.3). */
	private void announceGone(ChannelHandlerContext ctx) {
		if (this.session.available() || !this.session.directedPresence().isEmpty()) {
			route(ctx, Element.builder("presence", Namespaces.CLIENT)
				.attribute("type", "unavailable")
				.attribute("from", this.session.jid().toString())
				.build());
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		Throwable error = (cause instanceof DecoderException && cause.getCause() != null) ? cause.getCause() : cause;
		if (error instanceof StreamException streamError) {
			fail(ctx, streamError);
		}
		else if (error instanceof javax.net.ssl.SSLException) {
			log.info("TLS failure with {}: {}", ctx.channel().remoteAddress(), error.getMessage());
			ctx.close();
		}
		else {
			log.error("Closing c2s stream from {} after an internal error", ctx.channel().remoteAddress(), error);
			fail(ctx, new StreamException(StreamErrorCondition.INTERNAL_SERVER_ERROR, "internal error"));
		}
	}

	/** Sends the stream error (after a header if none went out yet) and closes the connection. */
	void fail(ChannelHandlerContext ctx, StreamException error) {
		if (this.failed || !ctx.channel().isActive()) {
			return;
		}
		this.failed = true;
		String condition = error.condition().elementName();
		log.info("Closing c2s stream from {} with {}: {}", ctx.channel().remoteAddress(), condition, error.getMessage());
		this.services.meters().counter("meridian.c2s.stream.errors", "condition", condition).increment();
		if (!this.headerSent) {
			sendHeader(ctx, "en");
		}
		StringBuilder sb = new StringBuilder(256);
		sb.append("<stream:error><").append(condition).append(" xmlns='").append(Namespaces.STREAM_ERRORS).append("'/>");
		if (error.getMessage() != null) {
			sb.append("<text xmlns='").append(Namespaces.STREAM_ERRORS).append("' xml:lang='en'>");
			Xml.escape(error.getMessage(), sb);
			sb.append("</text>");
		}
		sb.append("</stream:error></stream:stream>");
		// RFC 6120 4.4: wait a little for the client to close its side. Meanwhile what it still sends is
		// read and dropped, so it is not reset by unread data before it has read the error.
		ctx.writeAndFlush(bytes(sb.toString()))
			.addListener(f -> ctx.executor().schedule(() -> ctx.close(), CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS));
	}

	private static void write(ChannelHandlerContext ctx, Element stanza) {
		ctx.writeAndFlush(bytes(stanza.toXml(Namespaces.CLIENT)));
	}

	static Object bytes(String xml) {
		return Unpooled.wrappedBuffer(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static String newStreamId() {
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
	}

}
