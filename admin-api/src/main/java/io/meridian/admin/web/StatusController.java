package io.meridian.admin.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.meridian.admin.backend.Backend;
import io.meridian.admin.backend.BackendHealth;
import io.meridian.service.NodeProperties;

/** What admin-api is and which services it reaches. */
@RestController
@Tag(name = "status", description = "Version and the services reached")
class StatusController {

	private final BackendHealth health;

	private final String version;

	private final String node;

	StatusController(BackendHealth health, ObjectProvider<BuildProperties> build, NodeProperties node) {
		this.health = health;
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null) ? properties.getVersion() : "unknown";
		this.node = node.name();
	}

	@GetMapping("/status")
	@Operation(summary = "admin-api's version and node, and whether each service answers its gRPC health check")
	StatusView status() {
		Map<String, BackendHealth.State> services = new LinkedHashMap<>();
		for (Backend backend : Backend.values()) {
			services.put(backend.displayName(), this.health.check(backend));
		}
		return new StatusView("admin-api", this.version, this.node, services);
	}

	/** @param services by name: address, status (SERVING, NOT_SERVING, REACHABLE, UNREACHABLE), reachable, detail */
	record StatusView(String service, String version, String node, Map<String, BackendHealth.State> services) {
	}

}
