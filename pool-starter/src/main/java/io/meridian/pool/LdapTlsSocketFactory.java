package io.meridian.pool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Makes the TLS sockets of an {@code ldap} pool with {@code encrypt: tls}, from the pool's
 * {@link TlsOptions}, for one server.
 * <p>
 * JNDI takes a socket factory only as a class name and calls its static {@code getDefault()},
 * so the factory cannot be handed over as an object. The one piece of static state is the
 * thread-local {@link #OPENING}: {@link LdapServers} sets it just around opening one
 * connection on its own thread, where JNDI calls {@code getDefault()}, and clears it after.
 * Pools with different TLS options therefore never see each other's settings.
 */
public final class LdapTlsSocketFactory extends SocketFactory {

	private static final ThreadLocal<LdapTlsSocketFactory> OPENING = new ThreadLocal<>();

	private final SSLSocketFactory sockets;

	private final TlsOptions tls;

	private final String host;

	LdapTlsSocketFactory(SSLSocketFactory sockets, TlsOptions tls, String host) {
		this.sockets = sockets;
		this.tls = tls;
		this.host = host;
	}

	/** Called by JNDI while {@link LdapServers} opens a connection on this thread. */
	public static SocketFactory getDefault() {
		LdapTlsSocketFactory factory = OPENING.get();
		if (factory == null) {
			throw new IllegalStateException("LdapTlsSocketFactory only serves connections an ldap pool opens");
		}
		return factory;
	}

	/** Runs {@code open} with this factory as the one JNDI gets on this thread. */
	<T, E extends Exception> T opening(Opening<T, E> open) throws E {
		OPENING.set(this);
		try {
			return open.run();
		}
		finally {
			OPENING.remove();
		}
	}

	@Override
	public Socket createSocket() throws IOException {
		return configure(this.sockets.createSocket());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return configure(this.sockets.createSocket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return configure(this.sockets.createSocket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress address, int port) throws IOException {
		return configure(this.sockets.createSocket(address, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
		return configure(this.sockets.createSocket(address, port, localAddress, localPort));
	}

	/** Versions, ciphers and SNI; JNDI then turns on its own LDAPS host name check before the handshake. */
	private Socket configure(Socket socket) {
		((SSLSocket) socket).setSSLParameters(this.tls.sslParameters(this.host));
		return socket;
	}

	/** Opening a connection, which may fail with a checked exception. */
	@FunctionalInterface
	interface Opening<T, E extends Exception> {

		T run() throws E;

	}

}
