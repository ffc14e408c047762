package io.meridian.bench.xmppload.relay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import io.meridian.bench.xmppload.sasl.ScramHash;
import io.meridian.bench.xmppload.xml.StreamEvent;
import io.meridian.bench.xmppload.xml.Xml;
import io.meridian.bench.xmppload.xml.XmlElement;
import io.meridian.bench.xmppload.xml.XmlFramer;
import io.meridian.bench.xmppload.xml.XmlFramingException;

/** One relay connection: canned negotiation, then messages forwarded to the connection bound to their {@code to}. */
final class RelayConnection extends ChannelInboundHandlerAdapter {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";

	private final RelayServer relay;

	private final XmlFramer framer = new XmlFramer();

	private byte[] scratch = new byte[4096];

	private Channel channel;

	private boolean encrypted;

	private String user;

	private String bare;

	private ScramHash scram;

	private String scramUser;

	private String clientFirstBare;

	private String serverFirst;

	private String nonce;

	RelayConnection(RelayServer relay) {
		this.relay = relay;
		this.encrypted = !relay.startTls();
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		this.channel = ctx.channel();
		ctx.fireChannelActive();
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
		catch (XmlFramingException ex) {
			ctx.close();
		}
		finally {
			buf.release();
		}
	}

	private void onEvent(ChannelHandlerContext ctx, StreamEvent event) {
		switch (event) {
			case StreamEvent.Opened opened -> header(ctx);
			case StreamEvent.Element e -> element(ctx, e.element());
			case StreamEvent.Closed closed -> ctx.writeAndFlush(utf8(ctx, "</stream:stream>")).addListener(ChannelFutureListener.CLOSE);
		}
	}

	private void header(ChannelHandlerContext ctx) {
		StringBuilder sb = new StringBuilder(512).append("<?xml version='1.0'?><stream:stream xmlns='jabber:client' ")
			.append("xmlns:stream='http://etherx.jabber.org/streams' version='1.0' from='")
			.append(this.relay.domain())
			.append("' id='")
			.append(Long.toHexString(RANDOM.nextLong()))
			.append("'><stream:features>");
		if (!this.encrypted) {
			sb.append("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>");
		}
		else if (this.user == null) {
			sb.append("<mechanisms xmlns='").append(SASL).append("'><mechanism>SCRAM-SHA-256</mechanism>")
				.append("<mechanism>SCRAM-SHA-1</mechanism><mechanism>PLAIN</mechanism></mechanisms>");
		}
		else {
			sb.append("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>");
		}
		ctx.writeAndFlush(utf8(ctx, sb.append("</stream:features>").toString()));
	}

	private void element(ChannelHandlerContext ctx, XmlElement element) {
		switch (element.name()) {
			case "message" -> forward(element);
			case "starttls" -> {
				ctx.writeAndFlush(utf8(ctx, "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"));
				ctx.pipeline().addFirst("tls", this.relay.newSslHandler(ctx.alloc()));
				this.encrypted = true;
				this.framer.reset();
			}
			case "auth" -> auth(ctx, element);
			case "response" -> scramFinal(ctx, element);
			case "iq" -> iq(ctx, element);
			default -> {
				// presence and anything else: a relay keeps no state for it
			}
		}
	}

	private void forward(XmlElement message) {
		String to = message.attribute("to");
		if (to == null) {
			return;
		}
		int slash = to.indexOf('/');
		RelayConnection target = this.relay.online().get((slash < 0) ? to : to.substring(0, slash));
		if (target != null) {
			Channel ch = target.channel;
			ch.writeAndFlush(ByteBufUtil.writeUtf8(ch.alloc(), message.toXml("jabber:client")), ch.voidPromise());
		}
	}

	private void auth(ChannelHandlerContext ctx, XmlElement auth) {
		String mechanism = auth.attribute("mechanism");
		byte[] data = Base64.getDecoder().decode(auth.text().trim());
		if ("PLAIN".equals(mechanism)) {
			String[] parts = new String(data, StandardCharsets.UTF_8).split("\0", -1);
			if (parts.length == 3 && parts[2].equals(this.relay.credentials().password())) {
				succeed(ctx, parts[1], "");
			}
			else {
				fail(ctx);
			}
			return;
		}
		this.scram = ScramHash.forMechanism(mechanism);
		String first = new String(data, StandardCharsets.UTF_8);
		int gs2 = first.indexOf(',', first.indexOf(',') + 1);
		if (this.scram == null || gs2 < 0) {
			fail(ctx);
			return;
		}
		this.clientFirstBare = first.substring(gs2 + 1);
		this.scramUser = attribute(this.clientFirstBare, 'n');
		this.nonce = attribute(this.clientFirstBare, 'r') + Long.toHexString(RANDOM.nextLong());
		RelayCredentials.Keys keys = this.relay.credentials().keys(this.scram, this.scramUser);
		this.serverFirst = "r=" + this.nonce + ",s=" + Base64.getEncoder().encodeToString(keys.salt()) + ",i=" + keys.iterations();
		ctx.writeAndFlush(utf8(ctx, "<challenge xmlns='" + SASL + "'>"
				+ Base64.getEncoder().encodeToString(this.serverFirst.getBytes(StandardCharsets.UTF_8)) + "</challenge>"));
	}

	private void scramFinal(ChannelHandlerContext ctx, XmlElement response) {
		if (this.serverFirst == null) {
			fail(ctx);
			return;
		}
		String clientFinal = new String(Base64.getDecoder().decode(response.text().trim()), StandardCharsets.UTF_8);
		int proofAt = clientFinal.lastIndexOf(",p=");
		if (proofAt < 0 || !this.nonce.equals(attribute(clientFinal, 'r'))) {
			fail(ctx);
			return;
		}
		RelayCredentials.Keys keys = this.relay.credentials().keys(this.scram, this.scramUser);
		byte[] authMessage = (this.clientFirstBare + "," + this.serverFirst + "," + clientFinal.substring(0, proofAt))
			.getBytes(StandardCharsets.UTF_8);
		byte[] proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
		byte[] signature = this.scram.hmac(keys.storedKey(), authMessage);
		if (proof.length != signature.length) {
			fail(ctx);
			return;
		}
		for (int i = 0; i < proof.length; i++) {
			proof[i] ^= signature[i];
		}
		if (!MessageDigest.isEqual(this.scram.hash(proof), keys.storedKey())) {
			fail(ctx);
			return;
		}
		String serverFinal = "v=" + Base64.getEncoder().encodeToString(this.scram.hmac(keys.serverKey(), authMessage));
		succeed(ctx, this.scramUser, Base64.getEncoder().encodeToString(serverFinal.getBytes(StandardCharsets.UTF_8)));
	}

	private void succeed(ChannelHandlerContext ctx, String user, String additionalData) {
		this.user = user;
		this.framer.reset();
		ctx.writeAndFlush(utf8(ctx, "<success xmlns='" + SASL + "'>" + additionalData + "</success>"));
	}

	private void fail(ChannelHandlerContext ctx) {
		ctx.writeAndFlush(utf8(ctx, "<failure xmlns='" + SASL + "'><not-authorized/></failure>"));
	}

	private void iq(ChannelHandlerContext ctx, XmlElement iq) {
		String id = Xml.escape(String.valueOf(iq.attribute("id")));
		XmlElement bind = iq.child("bind", "urn:ietf:params:xml:ns:xmpp-bind");
		if (bind != null && this.user != null) {
			String resource = bind.childText("resource");
			this.bare = this.user + "@" + this.relay.domain();
			String full = this.bare + "/" + ((resource != null && !resource.isBlank()) ? resource : Long.toHexString(RANDOM.nextLong()));
			this.relay.online().put(this.bare, this);
			ctx.writeAndFlush(utf8(ctx, "<iq type='result' id='" + id + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>" + Xml.escape(full)
					+ "</jid></bind></iq>"));
			return;
		}
		if (iq.child("query", "jabber:iq:roster") != null && "get".equals(iq.attribute("type"))) {
			ctx.writeAndFlush(utf8(ctx, "<iq type='result' id='" + id + "'><query xmlns='jabber:iq:roster'/></iq>"));
			return;
		}
		// ping, session and the rest: an empty result
		ctx.writeAndFlush(utf8(ctx, "<iq type='result' id='" + id + "'/>"));
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.bare != null) {
			this.relay.online().remove(this.bare, this);
		}
		ctx.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		ctx.close();
	}

	private static ByteBuf utf8(ChannelHandlerContext ctx, String text) {
		return ByteBufUtil.writeUtf8(ctx.alloc(), text);
	}

	private static String attribute(String message, char name) {
		for (String part : message.split(",")) {
			if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
				return part.substring(2);
			}
		}
		return null;
	}

}
