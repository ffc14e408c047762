package io.meridian.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A raw TCP client for what a stock XMPP client sends before any negotiation. */
final class XmppClientSocket implements AutoCloseable {

	private Socket socket;

	XmppClientSocket(int port) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout(5000);
	}

	void send(String xml) throws IOException {
		OutputStream out = this.socket.getOutputStream();
		out.write(xml.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/** Reads until {@code marker} has arrived or the server closes the connection. */
	String readUntil(String marker) throws IOException {
		InputStream in = this.socket.getInputStream();
		StringBuilder sb = new StringBuilder();
		byte[] buf = new byte[4096];
		try {
			int n;
			while (!sb.toString().contains(marker) && (n = in.read(buf)) > 0) {
				sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
			}
		}
		catch (SocketTimeoutException ex) {
			throw new IOException("no '" + marker + "' within 5 s; got: " + sb, ex);
		}
		return sb.toString();
	}

	/**
	 * Asks for STARTTLS on a stream whose features offered it, and goes on over TLS trusting
	 * only {@code trust}.
	 */
	void startTls(X509TrustManager trust) throws IOException, GeneralSecurityException {
		send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
		readUntil("<proceed");
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { trust }, null);
		SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(this.socket, "localhost", this.socket.getPort(), true);
		tls.startHandshake();
		this.socket = tls;
	}

	/** The certificate the server showed on TLS. */
	X509Certificate serverCertificate() throws IOException {
		return (X509Certificate) ((SSLSocket) this.socket).getSession().getPeerCertificates()[0];
	}

	/** True once the server has closed its side. */
	boolean closedByServer() throws IOException {
		return this.socket.getInputStream().read() == -1;
	}

	static String header(String to) {
		return "<?xml version='1.0'?><stream:stream to='" + to + "' version='1.0' xmlns='jabber:client' "
				+ "xmlns:stream='http://etherx.jabber.org/streams'>";
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
