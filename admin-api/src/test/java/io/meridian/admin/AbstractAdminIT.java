package io.meridian.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * admin-api in front of the real gateway and domain-service ({@link Services}), with three
 * operators: {@code ops} (admin), {@code viewer} (readonly) and {@code other-ops} (admin of
 * {@code other.test} only). One context for every integration test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.enabled=false", "meridian.node.name=admin-api-it" })
abstract class AbstractAdminIT {

	static final String OPS_PASSWORD = "ops-secret";

	static final String VIEWER_PASSWORD = "viewer-secret";

	static final String OTHER_OPS_PASSWORD = "other-secret";

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		Services services = Services.start();
		registry.add("meridian.admin.gateway.address", () -> "127.0.0.1:" + services.gatewayGrpcPort());
		registry.add("meridian.admin.domain-service.address", () -> "static://127.0.0.1:" + services.domainServiceGrpcPort());
		// Cost 4: every request checks the hash, and tests make many.
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
		user(registry, 0, "ops", "{bcrypt}" + bcrypt.encode(OPS_PASSWORD), "admin");
		user(registry, 1, "viewer", "{bcrypt}" + bcrypt.encode(VIEWER_PASSWORD), "readonly");
		user(registry, 2, "other-ops", "{bcrypt}" + bcrypt.encode(OTHER_OPS_PASSWORD), "admin");
		registry.add("meridian.admin.users[2].domains", () -> Services.OTHER_DOMAIN);
	}

	private static void user(DynamicPropertyRegistry registry, int index, String name, String password, String role) {
		registry.add("meridian.admin.users[" + index + "].name", () -> name);
		registry.add("meridian.admin.users[" + index + "].password", () -> password);
		registry.add("meridian.admin.users[" + index + "].role", () -> role);
	}

	@LocalServerPort
	int port;

	private final List<XMPPTCPConnection> connections = new ArrayList<>();

	@AfterEach
	void disconnect() {
		this.connections.forEach(XMPPTCPConnection::disconnect);
	}

	Services services() {
		return Services.start();
	}

	AdminHttp ops() {
		return AdminHttp.as(this.port, "ops", OPS_PASSWORD);
	}

	AdminHttp viewer() {
		return AdminHttp.as(this.port, "viewer", VIEWER_PASSWORD);
	}

	AdminHttp otherOps() {
		return AdminHttp.as(this.port, "other-ops", OTHER_OPS_PASSWORD);
	}

	AdminHttp anonymous() {
		return AdminHttp.anonymous(this.port);
	}

	static String user() {
		return "api-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String json(String... namesAndValues) {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < namesAndValues.length; i += 2) {
			json.append((i > 0) ? "," : "").append('"').append(namesAndValues[i]).append("\":\"")
				.append(namesAndValues[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return json.append('}').toString();
	}

	/** Registers an account through the API, asserting 201. */
	void register(String domain, String username, String password) {
		AdminHttp.Answer answer = ops().post("/users/" + domain, json("username", username, "password", password));
		if (answer.status() != 201) {
			throw new AssertionError("register " + username + "@" + domain + ": " + answer);
		}
	}

	/** A logged-in Smack client (of localhost), disconnected after the test. */
	XMPPTCPConnection login(String username, String password) throws Exception {
		return login(Services.DOMAIN, username, password);
	}

	XMPPTCPConnection login(String domain, String username, String password) throws Exception {
		XMPPTCPConnection connection = connection(domain, username, password);
		connection.connect().login();
		return connection;
	}

	/** A Smack client not yet connected, disconnected after the test. */
	XMPPTCPConnection connection(String domain, String username, String password) throws Exception {
		XMPPTCPConnection connection = new XMPPTCPConnection(services().smack(domain, username, password).build());
		this.connections.add(connection);
		return connection;
	}

	/** What ends the connection's stream, once it ends. */
	static BlockingQueue<Exception> endings(XMPPTCPConnection connection) {
		BlockingQueue<Exception> ended = new LinkedBlockingQueue<>();
		connection.addConnectionListener(new ConnectionListener() {
			@Override
			public void connectionClosedOnError(Exception e) {
				ended.add(e);
			}
		});
		return ended;
	}

}
