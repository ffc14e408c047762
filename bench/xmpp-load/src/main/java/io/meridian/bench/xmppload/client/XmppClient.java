package io.meridian.bench.xmppload.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProtocols;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

/**
 * Opens XMPP client connections, all on one shared set of event loops. Certificates are not
 * verified: every server under test uses the same self-signed certificate, and the cost of the
 * handshake is what is being measured, not the trust decision.
 */
public final class XmppClient implements AutoCloseable {

	private final Endpoint endpoint;

	private final EventLoopGroup group;

	private final SslContext ssl;

	public XmppClient(Endpoint endpoint, int threads, SslProvider provider) {
		this.endpoint = endpoint;
		this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
		try {
			this.ssl = SslContextBuilder.forClient()
				.sslProvider(provider)
				.trustManager(InsecureTrustManagerFactory.INSTANCE)
				.protocols(SslProtocols.TLS_v1_3, SslProtocols.TLS_v1_2)
				.build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Endpoint endpoint() {
		return this.endpoint;
	}

	/** The next event loop; connections that talk to each other do best on the same one. */
	public EventLoop nextLoop() {
		return this.group.next();
	}

	public EventLoopGroup group() {
		return this.group;
	}

	/** Connects and logs in {@code user}; the connection's {@link XmppConnection#online()} completes when it is online. */
	public XmppConnection connect(String user, String resource, LoginSteps steps, StanzaListener listener) {
		return connect(this.group.next(), user, resource, steps, listener);
	}

	public XmppConnection connect(EventLoop loop, String user, String resource, LoginSteps steps, StanzaListener listener) {
		XmppConnection connection = new XmppConnection(this.endpoint, this.ssl, user, resource, steps, listener);
		Bootstrap bootstrap = new Bootstrap().group(loop)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) this.endpoint.loginTimeout().toMillis())
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					if (XmppClient.this.endpoint.tls() == TlsMode.DIRECT) {
						channel.pipeline().addLast("tls", connection.newSslHandler(channel));
					}
					// Many small stanzas to one socket: one TLS record and one write call per batch, not per stanza.
					channel.pipeline().addLast("flush", new FlushConsolidationHandler(64, true));
					channel.pipeline().addLast("xmpp", connection);
				}
			});
		bootstrap.connect(this.endpoint.host(), this.endpoint.port()).addListener(f -> {
			if (!f.isSuccess()) {
				connection.failToConnect(f.cause());
			}
		});
		return connection;
	}

	@Override
	public void close() {
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	/** Completes when every future has, successfully or not. */
	public static CompletableFuture<Void> all(java.util.Collection<? extends CompletableFuture<?>> futures) {
		return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((v, ex) -> null);
	}

}
