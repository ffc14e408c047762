package io.meridian.gateway.transport.tls;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server context on each TLS engine, over a real socket with the JDK's client: TLS 1.3 is
 * negotiated, the client sees the configured certificate, and the server's session names that
 * same certificate, which SCRAM's tls-server-end-point channel binding hashes.
 */
class ServerCertificatesTest {

	@TempDir
	static Path dir;

	static Path[] files;

	static EventLoopGroup group;

	@BeforeAll
	static void certificate() {
		files = ServerCertificates.selfSigned(dir, List.of("localhost"));
		group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
	}

	@AfterAll
	static void stop() {
		group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	@ParameterizedTest
	@EnumSource(value = TlsProvider.class, names = { "OPENSSL", "JDK" })
	void handshakeShowsTheConfiguredCertificateOnBothSides(TlsProvider provider) throws Exception {
		SslContext context = ServerCertificates.serverContext(files[0], files[1], provider);
		CompletableFuture<Certificate[]> serverShown = new CompletableFuture<>();
		Channel server = new ServerBootstrap().group(group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					SslHandler tls = context.newHandler(channel.alloc());
					channel.pipeline().addLast(tls, new ChannelInboundHandlerAdapter() {
						@Override
						public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
							if (event instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
								serverShown.complete(tls.engine().getSession().getLocalCertificates());
							}
						}
					});
				}
			})
			.bind("127.0.0.1", 0)
			.syncUninterruptibly()
			.channel();
		try (SSLSocket client = (SSLSocket) clientContext().getSocketFactory()
			.createSocket("127.0.0.1", ((java.net.InetSocketAddress) server.localAddress()).getPort())) {
			client.startHandshake();
			Certificate configured = configuredCertificate();
			assertThat(client.getSession().getProtocol()).isEqualTo("TLSv1.3");
			assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(configured);
			assertThat(serverShown.get(10, TimeUnit.SECONDS)[0]).isEqualTo(configured);
		}
		finally {
			server.close().syncUninterruptibly();
		}
	}

	private static Certificate configuredCertificate() throws Exception {
		try (InputStream in = Files.newInputStream(files[0])) {
			return CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	private static SSLContext clientContext() throws Exception {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		trusted.setCertificateEntry("gateway", configuredCertificate());
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLSv1.3");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
