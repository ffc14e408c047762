package io.meridian.bench.xmppload.relay;

import java.io.File;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProtocols;
import io.netty.handler.ssl.SslProvider;

import io.meridian.bench.xmppload.client.TlsMode;
import io.meridian.bench.xmppload.client.TlsProvider;

/**
 * The reference "server" that measures the load tool's own ceiling: TLS and just enough canned
 * XMPP to let a client through (any user with the configured password, real SCRAM), then every
 * message forwarded by its {@code to} address and nothing else: no storage, no rosters, no
 * presence. Whatever rate the tool reaches against it is the most it can measure.
 */
public final class RelayServer implements AutoCloseable {

	private final ConcurrentHashMap<String, RelayConnection> online = new ConcurrentHashMap<>();

	private final RelayCredentials credentials;

	private final SslContext ssl;

	private final TlsMode tls;

	private final String domain;

	private EventLoopGroup boss;

	private EventLoopGroup workers;

	private Channel server;

	/**
	 * @param domain the only domain served
	 * @param tls STARTTLS required, or direct TLS on the port
	 * @param certfile PEM certificate chain
	 * @param keyfile PEM PKCS#8 key
	 * @param password every account's password
	 * @param iterations SCRAM iteration count
	 */
	public RelayServer(String domain, TlsMode tls, File certfile, File keyfile, String password, int iterations) {
		this(domain, tls, certfile, keyfile, password, iterations, TlsProvider.named(null));
	}

	/** @param provider the TLS engine */
	public RelayServer(String domain, TlsMode tls, File certfile, File keyfile, String password, int iterations, SslProvider provider) {
		this.domain = domain;
		this.tls = tls;
		this.credentials = new RelayCredentials(password, iterations);
		try {
			this.ssl = SslContextBuilder.forServer(certfile, keyfile)
				.sslProvider(provider)
				.protocols(SslProtocols.TLS_v1_3, SslProtocols.TLS_v1_2).build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("cannot load " + certfile + " / " + keyfile + ": " + ex.getMessage(), ex);
		}
	}

	/** Binds and returns the bound port (useful with 0). */
	public int start(String bindAddress, int port, int threads) {
		this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		this.workers = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
		ServerBootstrap bootstrap = new ServerBootstrap().group(this.boss, this.workers)
			.channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, 4096)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					if (RelayServer.this.tls == TlsMode.DIRECT) {
						channel.pipeline().addLast("tls", newSslHandler(channel.alloc()));
					}
					channel.pipeline().addLast("flush", new FlushConsolidationHandler(64, true));
					channel.pipeline().addLast("relay", new RelayConnection(RelayServer.this));
				}
			});
		this.server = bootstrap.bind(bindAddress, port).syncUninterruptibly().channel();
		return ((InetSocketAddress) this.server.localAddress()).getPort();
	}

	String domain() {
		return this.domain;
	}

	/** Handshakes get a minute: a login storm on one busy core queues hundreds of them. */
	SslHandler newSslHandler(ByteBufAllocator alloc) {
		SslHandler handler = this.ssl.newHandler(alloc);
		handler.setHandshakeTimeoutMillis(60_000);
		return handler;
	}

	boolean startTls() {
		return this.tls == TlsMode.STARTTLS;
	}

	RelayCredentials credentials() {
		return this.credentials;
	}

	ConcurrentHashMap<String, RelayConnection> online() {
		return this.online;
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.close().syncUninterruptibly();
			this.boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
			this.workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
			this.server = null;
		}
	}

}
