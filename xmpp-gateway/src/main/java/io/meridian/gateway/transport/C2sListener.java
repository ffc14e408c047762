package io.meridian.gateway.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import io.meridian.gateway.stream.C2sServices;
import io.meridian.gateway.stream.ClientStreamHandler;
import io.meridian.gateway.stream.ReadThrottle;
import io.meridian.gateway.stream.XmlStreamDecoder;

/**
 * Accepts client connections on {@code meridian.c2s.port} (STARTTLS) and
 * {@code meridian.c2s.direct-tls-port} (TLS from the first byte) and gives each its own stream
 * pipeline. Bound on start; {@link #port()} and {@link #directTlsPort()} publish the ports
 * actually bound (useful with 0).
 */
public class C2sListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(C2sListener.class);

	private final C2sProperties properties;

	private final C2sServices services;

	private final AtomicInteger open = new AtomicInteger();

	private final Counter pauses;

	private EventLoopGroup boss;

	private EventLoopGroup workers;

	private Channel server;

	private Channel directTls;

	public C2sListener(C2sProperties properties, C2sServices services) {
		this.properties = properties;
		this.services = services;
		Gauge.builder("meridian.c2s.connections", this.open, AtomicInteger::get)
			.description("Open client connections")
			.register(services.meters());
		this.pauses = Counter.builder("meridian.c2s.read.pauses")
			.description("Times a client connection stopped reading because it sent faster than meridian.c2s.limits allow")
			.register(services.meters());
	}

	@Override
	public void start() {
		this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		// One loop a core: Netty's default of two a core only adds switches between them.
		this.workers = new MultiThreadIoEventLoopGroup(this.properties.eventLoopThreads(), NioIoHandler.newFactory());
		try {
			this.server = bind(this.properties.port(), false);
			log.info("XMPP c2s listener on {}:{} (STARTTLS {})", this.properties.bindAddress(), port(),
					this.properties.startTls().name().toLowerCase(java.util.Locale.ROOT));
			if (this.properties.directTlsPort() >= 0 && this.services.tls() != null) {
				this.directTls = bind(this.properties.directTlsPort(), true);
				log.info("XMPP c2s direct TLS listener on {}:{}", this.properties.bindAddress(), directTlsPort());
			}
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	private Channel bind(int port, boolean tls) {
		ServerBootstrap bootstrap = new ServerBootstrap().group(this.boss, this.workers)
			.channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, 1024)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					accept(channel, tls);
				}
			});
		try {
			return bootstrap.bind(this.properties.bindAddress(), port).sync().channel();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while binding the c2s listener", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot listen for XMPP clients on " + this.properties.bindAddress() + ":" + port
					+ (tls ? " (meridian.c2s.direct-tls-port): " : " (meridian.c2s.port): ") + ex.getMessage(), ex);
		}
	}

	private void accept(SocketChannel channel, boolean tls) {
		if (this.open.incrementAndGet() > this.properties.maxConnections()) {
			this.open.decrementAndGet();
			log.warn("Refusing c2s connection from {}: {} connections open (meridian.c2s.max-connections)",
					channel.remoteAddress(), this.properties.maxConnections());
			channel.close();
			return;
		}
		channel.closeFuture().addListener(f -> this.open.decrementAndGet());
		if (tls) {
			channel.pipeline().addLast("tls", this.services.tls().newHandler(channel.alloc()));
		}
		// The throttle sees decrypted bytes: STARTTLS puts its handler first, in front of it.
		ReadThrottle throttle = new ReadThrottle(this.services.preAuthRates(), this.pauses);
		channel.pipeline()
			.addLast("idle", new IdleStateHandler(0, 0, this.properties.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
			.addLast("throttle", throttle)
			.addLast("xml", new XmlStreamDecoder(this.properties.streamLimits()))
			.addLast("stream", new ClientStreamHandler(this.services, tls, throttle));
	}

	/** The STARTTLS port bound, or -1 when not running. */
	public int port() {
		return boundPort(this.server);
	}

	/** The direct TLS port bound, or -1 when not running or turned off. */
	public int directTlsPort() {
		return boundPort(this.directTls);
	}

	private static int boundPort(Channel channel) {
		return (channel != null) ? ((InetSocketAddress) channel.localAddress()).getPort() : -1;
	}

	@Override
	public void stop() {
		for (Channel channel : new Channel[] { this.server, this.directTls }) {
			if (channel != null) {
				channel.close().syncUninterruptibly();
			}
		}
		this.server = null;
		this.directTls = null;
		if (this.boss != null) {
			this.boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
			this.workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
			this.boss = null;
			this.workers = null;
		}
		log.info("XMPP c2s listener stopped");
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

}
