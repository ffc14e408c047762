package io.meridian.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A redis-server of one test's own, on a free port of 127.0.0.1, keeping nothing on disk, for
 * tests that stop Redis and start it again: the shared server on 6379 is never touched. Needs
 * the {@code redis-server} binary ({@code apt-get install redis-server}, or
 * {@code scripts/meridian-infra start redis} installs it).
 */
public final class PrivateRedis implements AutoCloseable {

	private static final Duration READY = Duration.ofSeconds(20);

	private final int port;

	private final Path log;

	private Process process;

	private PrivateRedis(int port, Path log) {
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts a server on a free port and waits until it answers PING.
	 *
	 * @param log where the server writes its output (appended to, across restarts)
	 */
	public static PrivateRedis start(Path log) {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port for a private Redis", ex);
		}
		PrivateRedis redis = new PrivateRedis(port, log);
		redis.restart();
		// A test that dies before close() must not leave the server behind.
		Runtime.getRuntime().addShutdownHook(new Thread(redis::kill, "private-redis-" + port));
		return redis;
	}

	public Endpoint endpoint() {
		return new Endpoint("127.0.0.1", this.port, "private redis-server");
	}

	public int port() {
		return this.port;
	}

	/** Kills the server (SIGKILL, as a crash would) and waits until it is gone. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	/** Starts the server again on the same port (empty: it keeps nothing) and waits until it answers PING. */
	public synchronized void restart() {
		if (this.process != null) {
			throw new IllegalStateException("redis-server on port " + this.port + " is running");
		}
		try {
			Files.createDirectories(this.log.toAbsolutePath().getParent());
			this.process = new ProcessBuilder("redis-server", "--port", Integer.toString(this.port), "--bind", "127.0.0.1", "--save", "",
					"--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start redis-server (apt-get install redis-server): " + ex.getMessage(), ex);
		}
		Process started = this.process;
		await().atMost(READY).pollInterval(Duration.ofMillis(50)).until(() -> {
			if (!started.isAlive()) {
				throw new IllegalStateException("redis-server on port " + this.port + " exited with " + started.exitValue() + "; see " + this.log);
			}
			return answersPing();
		});
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(7);
			return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		kill();
	}

}
