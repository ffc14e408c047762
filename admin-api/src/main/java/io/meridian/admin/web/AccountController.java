package io.meridian.admin.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.meridian.admin.security.AdminUser;
import io.meridian.admin.security.AuditTrail;
import io.meridian.gateway.api.GatewayAdminClient;
import io.meridian.gateway.api.v1.Account;
import io.meridian.gateway.api.v1.ListAccountsResponse;

/** The accounts of a domain, on the gateway. */
@RestController
@RequestMapping("/users/{domain}")
@Tag(name = "accounts", description = "Register, remove, list and ban the accounts of a domain")
class AccountController {

	private final GatewayAdminClient gateway;

	private final BackendCalls calls;

	AccountController(GatewayAdminClient gateway, BackendCalls calls) {
		this.gateway = gateway;
		this.calls = calls;
	}

	@GetMapping
	@Operation(summary = "The accounts of a domain in username order, a page at a time")
	@ApiResponse(responseCode = "200", description = "A page; pass next as after for the following one")
	@ApiResponse(responseCode = "404", description = "The domain is not served (UNKNOWN_DOMAIN)")
	AccountPage list(@PathVariable String domain,
			@Parameter(description = "1 to 1000") @RequestParam(defaultValue = "100") int limit,
			@Parameter(description = "usernames after this one") @RequestParam(required = false) String after,
			@AuthenticationPrincipal AdminUser user) {
		user.requireDomain(domain);
		Require.limit(limit);
		ListAccountsResponse page = this.calls.gateway(() -> this.gateway.list(domain, limit, after));
		return new AccountPage(page.getAccountsList().stream().map(AccountView::of).toList(), page.getTotal(),
				page.getNextAfter().isEmpty() ? null : page.getNextAfter());
	}

	@PostMapping
	@Operation(summary = "Register an account")
	@ApiResponse(responseCode = "201", description = "Registered")
	@ApiResponse(responseCode = "400", description = "A field is missing or malformed; field names it")
	@ApiResponse(responseCode = "404", description = "The domain is not served (UNKNOWN_DOMAIN)")
	@ApiResponse(responseCode = "409", description = "The account exists (ACCOUNT_EXISTS)")
	ResponseEntity<AccountView> register(@PathVariable String domain, @RequestBody(required = false) NewAccount body,
			@AuthenticationPrincipal AdminUser user, UriComponentsBuilder uri) {
		user.requireDomain(domain);
		Require.body(body);
		String username = Require.text("username", body.username());
		String password = Require.text("password", body.password());
		AuditTrail.note("username", username);
		AccountView account = AccountView.of(this.calls.gateway(() -> this.gateway.register(domain, username, password)));
		URI location = uri.path("/users/{domain}/{username}").buildAndExpand(account.domain(), account.username()).toUri();
		return ResponseEntity.created(location).body(account);
	}

	@GetMapping("/{username}")
	@Operation(summary = "One account")
	@ApiResponse(responseCode = "404", description = "No such account (UNKNOWN_ACCOUNT) or domain (UNKNOWN_DOMAIN)")
	AccountView get(@PathVariable String domain, @PathVariable String username, @AuthenticationPrincipal AdminUser user) {
		user.requireDomain(domain);
		return AccountView.of(this.calls.gateway(() -> this.gateway.get(domain, username)));
	}

	@PutMapping("/{username}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a new password; the account's sessions stay")
	@ApiResponse(responseCode = "204", description = "Changed")
	@ApiResponse(responseCode = "404", description = "No such account")
	void changePassword(@PathVariable String domain, @PathVariable String username, @RequestBody(required = false) NewPassword body,
			@AuthenticationPrincipal AdminUser user) {
		user.requireDomain(domain);
		String password = Require.text("password", Require.body(body).password());
		this.calls.gateway(() -> this.gateway.changePassword(domain, username, password));
	}

	@DeleteMapping("/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an account and end its sessions")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "404", description = "No such account")
	void remove(@PathVariable String domain, @PathVariable String username, @AuthenticationPrincipal AdminUser user) {
		user.requireDomain(domain);
		int ended = this.calls.gateway(() -> this.gateway.remove(domain, username));
		AuditTrail.note("sessionsEnded", ended);
	}

	@PostMapping("/{username}/ban")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Ban an account: its sessions end and it can no longer log in (idempotent)")
	@ApiResponse(responseCode = "204", description = "Banned")
	@ApiResponse(responseCode = "404", description = "No such account")
	void ban(@PathVariable String domain, @PathVariable String username, @RequestBody(required = false) BanRequest body,
			@AuthenticationPrincipal AdminUser user) {
		user.requireDomain(domain);
		String reason = (body != null && body.reason() != null) ? body.reason() : "";
		AuditTrail.note("reason", reason);
		this.calls.gateway(() -> this.gateway.ban(domain, username, reason));
	}

	@DeleteMapping("/{username}/ban")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Lift a ban (idempotent)")
	@ApiResponse(responseCode = "204", description = "Not banned")
	@ApiResponse(responseCode = "404", description = "No such account")
	void unban(@PathVariable String domain, @PathVariable String username, @AuthenticationPrincipal AdminUser user) {
		user.requireDomain(domain);
		this.calls.gateway(() -> this.gateway.unban(domain, username));
	}

	/**
	 * @param jid the bare JID
	 * @param banReason why it was banned; absent when it is not
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AccountView(String jid, String username, String domain, boolean banned, String banReason, Instant createdAt) {

		static AccountView of(Account account) {
			return new AccountView(account.getUsername() + "@" + account.getDomain(), account.getUsername(), account.getDomain(),
					account.getBanned(), account.getBanned() ? account.getBanReason() : null, Timestamps.instant(account.getCreatedAt()));
		}

	}

	/**
	 * @param total the accounts of the domain in all
	 * @param next the {@code after} of the next page; absent on the last page
	 */
	record AccountPage(List<AccountView> items, long total, String next) {
	}

	record NewAccount(String username, String password) {
	}

	record NewPassword(String password) {
	}

	record BanRequest(String reason) {
	}

}
