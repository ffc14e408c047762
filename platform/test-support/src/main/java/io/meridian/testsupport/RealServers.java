package io.meridian.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Finds a real server for an integration test, in this order:
 * <ol>
 * <li>the environment variable {@code MERIDIAN_IT_<SERVER>=host:port};</li>
 * <li>the server listening on 127.0.0.1 at its usual port (how CI runs: {@code scripts/meridian-infra start});</li>
 * <li>a Testcontainers container, where a Docker engine is reachable.</li>
 * </ol>
 * Otherwise the test fails with a message that says how to provide the server. Containers
 * live as long as the test JVM; one lookup per server and JVM.
 */
public final class RealServers {

	private static final Logger log = LoggerFactory.getLogger(RealServers.class);

	private static final Map<RealServer, Endpoint> found = new EnumMap<>(RealServer.class);

	private RealServers() {
	}

	public static synchronized Endpoint locate(RealServer server) {
		return found.computeIfAbsent(server, RealServers::find);
	}

	private static Endpoint find(RealServer server) {
		String configured = System.getenv(server.environmentVariable());
		if (configured != null && !configured.isBlank()) {
			Endpoint endpoint = parse(configured.trim(), server);
			requireReachable(endpoint, server);
			return logged(server, endpoint);
		}
		Endpoint local = new Endpoint("127.0.0.1", server.localPort(), "localhost");
		if (reachable(local)) {
			return logged(server, local);
		}
		if (dockerAvailable()) {
			GenericContainer<?> container = server.newContainer();
			container.start();
			int inner = container.getExposedPorts().get(0);
			return logged(server, new Endpoint(container.getHost(), container.getMappedPort(inner), "container " + container.getDockerImageName()));
		}
		throw new IllegalStateException(server.displayName() + " is not reachable at " + local.hostAndPort()
				+ ". Start it with 'scripts/meridian-infra start " + server.scriptName() + "', set "
				+ server.environmentVariable() + "=host:port, or run the tests on a machine with a Docker engine.");
	}

	static Endpoint parse(String hostAndPort, RealServer server) {
		int colon = hostAndPort.lastIndexOf(':');
		try {
			if (colon <= 0) {
				throw new NumberFormatException();
			}
			String host = hostAndPort.substring(0, colon).replace("[", "").replace("]", "");
			return new Endpoint(host, Integer.parseInt(hostAndPort.substring(colon + 1)), server.environmentVariable());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(server.environmentVariable() + " must be host:port, was '" + hostAndPort + "'");
		}
	}

	private static void requireReachable(Endpoint endpoint, RealServer server) {
		if (!reachable(endpoint)) {
			throw new IllegalStateException(server.displayName() + " is not reachable at " + endpoint.hostAndPort()
					+ " given by " + server.environmentVariable());
		}
	}

	static boolean reachable(Endpoint endpoint) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Endpoint logged(RealServer server, Endpoint endpoint) {
		log.info("{} for integration tests: {} ({})", server.displayName(), endpoint.hostAndPort(), endpoint.origin());
		return endpoint;
	}

}
