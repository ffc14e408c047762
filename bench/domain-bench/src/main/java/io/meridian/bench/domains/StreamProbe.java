package io.meridian.bench.domains;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * What a client sees of a domain on a node: one TCP connection, one stream header naming the
 * domain, and the answer — {@code <stream:features>} when the node serves it, the stream error
 * {@code host-unknown} when it does not.
 */
final class StreamProbe {

	private static final String FEATURES = "<stream:features>";

	private StreamProbe() {
	}

	/** @return true for {@code <stream:features>}, false for {@code host-unknown}; any other answer is an error */
	static boolean accepts(int port, String domain) throws IOException {
		try (Socket socket = new Socket()) {
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("<?xml version='1.0'?><stream:stream to='" + domain + "' version='1.0' xmlns='jabber:client' "
					+ "xmlns:stream='http://etherx.jabber.org/streams'>").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder answer = new StringBuilder();
			byte[] buffer = new byte[4096];
			int n;
			while ((n = in.read(buffer)) > 0) {
				answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
				if (answer.indexOf(FEATURES) >= 0) {
					return true;
				}
				// The gateway keeps the socket open a moment after a stream error (RFC 6120 4.4):
				// the error itself is the answer.
				if (answer.indexOf("host-unknown") >= 0 && answer.indexOf("</stream:error>") >= 0) {
					return false;
				}
			}
			if (answer.indexOf("host-unknown") >= 0) {
				return false;
			}
			throw new IOException("port " + port + " answered a stream to " + domain + " with: " + answer);
		}
	}

}
