package io.meridian.admin.web;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.meridian.admin.backend.Backend;
import io.meridian.admin.backend.BackendHealth;

/**
 * The nodes admin-api knows and whether each serves. Until cluster membership (ZooKeeper or
 * etcd) exists, they are the services of admin-api's own configuration, one node each.
 */
@RestController
@Tag(name = "cluster", description = "The nodes admin-api knows and their state")
class ClusterController {

	/** Where the node list comes from: admin-api's meridian.admin.* addresses. */
	static final String SOURCE = "configuration";

	private final BackendHealth health;

	ClusterController(BackendHealth health) {
		this.health = health;
	}

	@GetMapping("/cluster/nodes")
	@Operation(summary = "The nodes admin-api is configured with, each with what its standard gRPC health service says",
			description = "state is SERVING or NOT_SERVING (the node's gRPC health service said so; NOT_SERVING while it is not ready), "
					+ "REACHABLE (it answered without a health service) or UNREACHABLE. The list comes from configuration: "
					+ "cluster membership is not built yet.")
	NodeList nodes() {
		return new NodeList(Arrays.stream(Backend.values()).map(this::node).toList(), SOURCE);
	}

	private NodeView node(Backend backend) {
		BackendHealth.State state = this.health.check(backend);
		return new NodeView(backend.displayName(), role(backend), state.address(), state.status(), state.detail());
	}

	/** The kind of service, as its spring.application.name says. */
	static String role(Backend backend) {
		return switch (backend) {
			case GATEWAY -> "xmpp-gateway";
			case DOMAIN_SERVICE -> "domain-service";
		};
	}

	/**
	 * @param name the node as admin-api's configuration names it ({@code meridian.admin.<name>.address})
	 * @param role what it runs: xmpp-gateway or domain-service
	 * @param target the gRPC target admin-api calls it at
	 * @param state SERVING, NOT_SERVING, REACHABLE or UNREACHABLE
	 * @param detail why it is not SERVING, when known
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record NodeView(String name, String role, String target, String state, String detail) {
	}

	/**
	 * @param nodes every node, gateway first
	 * @param source where the list comes from: {@code configuration} until cluster membership exists
	 */
	record NodeList(List<NodeView> nodes, String source) {
	}

}
