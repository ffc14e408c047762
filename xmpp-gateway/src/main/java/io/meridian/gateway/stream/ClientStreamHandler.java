package io.meridian.gateway.stream;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.meridian.gateway.domain.HostedDomains;
import io.meridian.gateway.stanza.Xml;

/**
 * Runs one client-to-server stream: answers the stream header, checks the addressed domain and
 * the stream version, and ends the stream with the RFC 6120 error when the client breaks a rule.
 * One instance per connection.
 */
public final class ClientStreamHandler extends SimpleChannelInboundHandler<StreamEvent> {

	private static final Logger log = LoggerFactory.getLogger(ClientStreamHandler.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final HostedDomains domains;

	private final MeterRegistry meters;

	private String domain;

	private boolean headerSent;

	private boolean failed;

	public ClientStreamHandler(HostedDomains domains, MeterRegistry meters) {
		this.domains = domains;
		this.meters = meters;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, StreamEvent event) {
		switch (event) {
			case StreamEvent.Opened opened -> open(ctx, opened);
			case StreamEvent.Received received -> throw new StreamException(StreamErrorCondition.NOT_AUTHORIZED,
					"<" + received.element().name() + "/> before authentication");
			case StreamEvent.Closed closed -> ctx.writeAndFlush(bytes("</stream:stream>")).addListener(ChannelFutureListener.CLOSE);
		}
	}

	private void open(ChannelHandlerContext ctx, StreamEvent.Opened opened) {
		String to = opened.attribute("to");
		this.domain = (to != null) ? to.toLowerCase(Locale.ROOT) : null;
		String lang = opened.attribute("xml:lang");
		sendHeader(ctx, (lang != null) ? lang : "en");
		if (!Namespaces.CLIENT.equals(opened.defaultNamespace())) {
			throw new StreamException(StreamErrorCondition.INVALID_NAMESPACE, "the content namespace must be " + Namespaces.CLIENT);
		}
		if (!isVersionOne(opened.attribute("version"))) {
			throw new StreamException(StreamErrorCondition.UNSUPPORTED_VERSION, "only XMPP version 1.0 is supported");
		}
		if (this.domain == null || !this.domains.isServed(this.domain)) {
			throw new StreamException(StreamErrorCondition.HOST_UNKNOWN,
					(to == null) ? "the stream header has no 'to'" : "this server does not serve " + to);
		}
		// Negotiable features (STARTTLS, SASL, bind) are advertised here as the gateway gains them.
		ctx.writeAndFlush(bytes("<stream:features/>"));
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
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		Throwable error = (cause instanceof DecoderException && cause.getCause() != null) ? cause.getCause() : cause;
		if (error instanceof StreamException streamError) {
			fail(ctx, streamError);
		}
		else {
			log.error("Closing c2s stream from {} after an internal error", ctx.channel().remoteAddress(), error);
			fail(ctx, new StreamException(StreamErrorCondition.INTERNAL_SERVER_ERROR, "internal error"));
		}
	}

	/** Sends the stream error (after a header if none went out yet) and closes the connection. */
	private void fail(ChannelHandlerContext ctx, StreamException error) {
		if (this.failed || !ctx.channel().isActive()) {
			return;
		}
		this.failed = true;
		String condition = error.condition().elementName();
		log.info("Closing c2s stream from {} with {}: {}", ctx.channel().remoteAddress(), condition, error.getMessage());
		this.meters.counter("meridian.c2s.stream.errors", "condition", condition).increment();
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
		ctx.channel().config().setAutoRead(false);
		ctx.writeAndFlush(bytes(sb.toString())).addListener(ChannelFutureListener.CLOSE);
	}

	private static Object bytes(String xml) {
		return Unpooled.wrappedBuffer(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static String newStreamId() {
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
	}

}
