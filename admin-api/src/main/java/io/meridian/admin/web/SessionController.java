package io.meridian.admin.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.meridian.admin.security.AdminUser;
import io.meridian.admin.security.AuditTrail;
import io.meridian.gateway.api.GatewayAdminClient;
import io.meridian.gateway.api.v1.Session;

/** The client sessions of a domain or a user, on the gateway node admin-api talks to. */
@RestController
@RequestMapping("/sessions/{domain}")
@Tag(name = "sessions", description = "List and kick client sessions")
class SessionController {

	private final GatewayAdminClient gateway;

	private final BackendCalls calls;

	SessionController(GatewayAdminClient gateway, BackendCalls calls) {
		this.gateway = gateway;
		this.calls = calls;
	}

	@GetMapping
	@Operation(summary = "The sessions of a domain")
	@ApiResponse(responseCode = "404", description = "The domain is not served (UNKNOWN_DOMAIN)")
	SessionList domain(@PathVariable String domain, @AuthenticationPrincipal AdminUser user) {
		user.requireDomain(domain);
		return SessionList.of(this.calls.gateway(() -> this.gateway.sessions(domain, null)));
	}

	@GetMapping("/{username}")
	@Operation(summary = "The sessions of a user (none when offline)")
	SessionList user(@PathVariable String domain, @PathVariable String username, @AuthenticationPrincipal AdminUser user) {
		user.requireDomain(domain);
		return SessionList.of(this.calls.gateway(() -> this.gateway.sessions(domain, username)));
	}

	@DeleteMapping("/{username}")
	@Operation(summary = "Kick every session of a user: each ends with a policy-violation stream error carrying the reason")
	@ApiResponse(responseCode = "200", description = "How many sessions ended")
	@ApiResponse(responseCode = "404", description = "The user has no session (NO_SESSION)")
	Kicked kickAll(@PathVariable String domain, @PathVariable String username,
			@Parameter(description = "sent to the client") @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AdminUser user) {
		return kick(domain, username, null, reason, user);
	}

	@DeleteMapping("/{username}/{resource}")
	@Operation(summary = "Kick one session")
	@ApiResponse(responseCode = "200", description = "How many sessions ended (1)")
	@ApiResponse(responseCode = "404", description = "The resource has no session (NO_SESSION)")
	Kicked kickOne(@PathVariable String domain, @PathVariable String username, @PathVariable String resource,
			@Parameter(description = "sent to the client") @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AdminUser user) {
		return kick(domain, username, resource, reason, user);
	}

	private Kicked kick(String domain, String username, String resource, String reason, AdminUser user) {
		user.requireDomain(domain);
		AuditTrail.note("reason", reason);
		int ended = this.calls.gateway(() -> this.gateway.kick(domain, username, resource, reason));
		AuditTrail.note("sessionsEnded", ended);
		return new Kicked(ended);
	}

	/**
	 * @param jid the full JID
	 * @param node the gateway node that holds it
	 * @param address the client's ip:port
	 * @param priority of the last available presence; 0 before any
	 * @param available whether it sent available presence
	 */
	record SessionView(String jid, String resource, String node, String address, Instant connectedSince, int priority,
			boolean available) {

		static SessionView of(Session session) {
			return new SessionView(session.getJid(), session.getResource(), session.getNode(), session.getAddress(),
					Timestamps.instant(session.getConnectedSince()), session.getPriority(), session.getAvailable());
		}

	}

	record SessionList(List<SessionView> items, int total) {

		static SessionList of(List<Session> sessions) {
			return new SessionList(sessions.stream().map(SessionView::of).toList(), sessions.size());
		}

	}

	/** @param sessionsEnded how many sessions ended */
	record Kicked(int sessionsEnded) {
	}

}
