package io.meridian.pool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import io.meridian.testsupport.Endpoint;

/**
 * A TCP proxy in front of a real server, on a fixed local port, that a test can take down and
 * bring back ({@link #stop()}, {@link #start()}) to play a server outage. With an SSL context it
 * terminates TLS in front of a plain server, and records what each client's handshake offered.
 */
final class ForwardingProxy implements AutoCloseable {

	private final Endpoint target;

	private final SSLContext tls;

	private final boolean needClientAuth;

	private final int port;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listener;

	/** What a TLS client offered: the SNI name (null when none), the version agreed and its certificate's subject. */
	record Handshake(String serverName, String protocol, String clientSubject) {
	}

	private ForwardingProxy(Endpoint target, SSLContext tls, boolean needClientAuth) throws IOException {
		this.target = target;
		this.tls = tls;
		this.needClientAuth = needClientAuth;
		try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.port = probe.getLocalPort();
		}
	}

	/** A plain proxy, not yet listening. */
	static ForwardingProxy to(Endpoint target) throws IOException {
		return new ForwardingProxy(target, null, false);
	}

	/** A proxy that terminates TLS with the server certificate of {@code tls}, listening. */
	static ForwardingProxy tls(Endpoint target, SSLContext tls, boolean needClientAuth) throws IOException {
		ForwardingProxy proxy = new ForwardingProxy(target, tls, needClientAuth);
		proxy.start();
		return proxy;
	}

	int port() {
		return this.port;
	}

	List<Handshake> handshakes() {
		return List.copyOf(this.handshakes);
	}

	/** Accepts connections again on the same port. */
	synchronized ForwardingProxy start() throws IOException {
		if (this.listener != null) {
			return this;
		}
		ServerSocket socket = (this.tls != null) ? this.tls.getServerSocketFactory().createServerSocket() : new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		if (socket instanceof SSLServerSocket secure) {
			secure.setNeedClientAuth(this.needClientAuth);
		}
		this.listener = socket;
		Thread.ofVirtual().name("proxy-accept-" + this.port).start(() -> accept(socket));
		return this;
	}

	/** Refuses new connections and drops the open ones, as a server that went away. */
	synchronized void stop() throws IOException {
		if (this.listener != null) {
			this.listener.close();
			this.listener = null;
		}
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
		this.open.clear();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				this.open.add(client);
				Thread.ofVirtual().start(() -> forward(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void forward(Socket client) {
		Socket server = null;
		try {
			if (client instanceof SSLSocket secure) {
				secure.startHandshake();
				this.handshakes.add(handshake(secure));
			}
			server = new Socket(this.target.host(), this.target.port());
			this.open.add(server);
			Socket upstream = server;
			Thread.ofVirtual().start(() -> pump(upstream, client));
			pump(client, server);
		}
		catch (IOException ex) {
			closeQuietly(client);
			if (server != null) {
				closeQuietly(server);
			}
		}
	}

	private static Handshake handshake(SSLSocket socket) {
		var session = socket.getSession();
		String serverName = null;
		if (session instanceof ExtendedSSLSession extended) {
			serverName = extended.getRequestedServerNames()
				.stream()
				.filter(SNIHostName.class::isInstance)
				.map(name -> ((SNIHostName) name).getAsciiName())
				.findFirst()
				.orElse(null);
		}
		String subject = null;
		try {
			subject = ((java.security.cert.X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
		}
		catch (javax.net.ssl.SSLPeerUnverifiedException ex) {
			// No client certificate.
		}
		return new Handshake(serverName, session.getProtocol(), subject);
	}

	private void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// The other side went away; both are closed below.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.open.remove(from);
			this.open.remove(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
	}

	@Override
	public void close() throws IOException {
		stop();
	}

}
