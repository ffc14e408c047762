package io.meridian.gateway.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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

import io.meridian.gateway.domain.HostedDomains;
import io.meridian.gateway.stream.ClientStreamHandler;
import io.meridian.gateway.stream.XmlStreamDecoder;

/**
 * Accepts client connections on {@code meridian.c2s.port} and gives each its own stream
 * pipeline. Bound on start; {@link #port()} publishes the port actually bound (useful with 0).
 */
public class C2sListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(C2sListener.class);

	private final C2sProperties properties;

	private final HostedDomains domains;

	private final MeterRegistry meters;

	private final AtomicInteger open = new AtomicInteger();

	private EventLoopGroup boss;

	private EventLoopGroup workers;

	private Channel server;

	public C2sListener(C2sProperties properties, HostedDomains domains, MeterRegistry meters) {
		this.properties = properties;
		this.domains = domains;
		this.meters = meters;
		Gauge.builder("meridian.c2s.connections", this.open, AtomicInteger::get)
			.description("Open client connections")
			.register(meters);
	}

	@Override
	public void start() {
		this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		this.workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
		ServerBootstrap bootstrap = new ServerBootstrap().group(this.boss, this.workers)
			.channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, 1024)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					accept(channel);
				}
			});
		try {
			this.server = bootstrap.bind(this.properties.bindAddress(), this.properties.port()).sync().channel();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while binding the c2s listener", ex);
		}
		catch (Exception ex) {
			stopGroups();
			throw new IllegalStateException("Cannot listen for XMPP clients on " + this.properties.bindAddress() + ":"
					+ this.properties.port() + " (meridian.c2s.port): " + ex.getMessage(), ex);
		}
		log.info("XMPP c2s listener on {}:{}", this.properties.bindAddress(), port());
	}

	private void accept(SocketChannel channel) {
		if (this.open.incrementAndGet() > this.properties.maxConnections()) {
			this.open.decrementAndGet();
			log.warn("Refusing c2s connection from {}: {} connections open (meridian.c2s.max-connections)",
					channel.remoteAddress(), this.properties.maxConnections());
			channel.close();
			return;
		}
		channel.closeFuture().addListener(f -> this.open.decrementAndGet());
		long idle = this.properties.idleTimeout().toMillis();
		channel.pipeline()
			.addLast("idle", new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS))
			.addLast("xml", new XmlStreamDecoder(this.properties.limits()))
			.addLast("stream", new ClientStreamHandler(this.domains, this.meters));
	}

	/** The port bound, or -1 when not running. */
	public int port() {
		return (this.server != null) ? ((InetSocketAddress) this.server.localAddress()).getPort() : -1;
	}

	@Override
	public void stop() {
		if (this.server != null) {
			this.server.close().syncUninterruptibly();
			this.server = null;
		}
		stopGroups();
		log.info("XMPP c2s listener stopped");
	}

	private void stopGroups() {
		if (this.boss != null) {
			this.boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
			this.workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
			this.boss = null;
			this.workers = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

}
