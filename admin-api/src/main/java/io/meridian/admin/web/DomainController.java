package io.meridian.admin.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.meridian.admin.security.AdminUser;
import io.meridian.admin.security.AuditTrail;
import io.meridian.domains.api.DomainError;
import io.meridian.domains.api.DomainServiceClient;
import io.meridian.domains.api.v1.Domain;
import io.meridian.domains.api.v1.DomainChange;
import io.meridian.domains.api.v1.ListDomainsResponse;

/**
 * The dynamic XMPP domains, on domain-service. Adding, enabling, disabling and removing them
 * is for operators that are not limited to some domains.
 */
@RestController
@RequestMapping("/domains")
@Tag(name = "domains", description = "Add, disable, enable and remove XMPP domains at run time")
class DomainController {

	private final DomainServiceClient domains;

	private final BackendCalls calls;

	DomainController(DomainServiceClient domains, BackendCalls calls) {
		this.domains = domains;
		this.calls = calls;
	}

	@GetMapping
	@Operation(summary = "Dynamic domains in id order, a page at a time (static domains are not listed)")
	DomainPage list(@Parameter(description = "only this host type") @RequestParam(required = false) String hostType,
			@Parameter(description = "1 to 1000") @RequestParam(defaultValue = "100") int limit,
			@Parameter(description = "ids after this one: the next of the previous page") @RequestParam(defaultValue = "0") long after,
			@AuthenticationPrincipal AdminUser user) {
		Require.limit(limit);
		if (after < 0) {
			throw ApiException.invalid("after", "after must not be negative, was " + after);
		}
		ListDomainsResponse page = this.calls.domains(() -> this.domains.list(hostType, false, after, limit));
		List<DomainView> items = page.getDomainsList().stream().filter(d -> user.mayAccess(d.getDomain())).map(DomainView::of).toList();
		Long next = (page.getHasMore() && page.getDomainsCount() > 0) ? page.getDomains(page.getDomainsCount() - 1).getId() : null;
		return new DomainPage(items, next);
	}

	@GetMapping("/{domain}")
	@Operation(summary = "One domain, dynamic or static")
	@ApiResponse(responseCode = "404", description = "No such domain (DOMAIN_NOT_FOUND)")
	DomainView get(@PathVariable String domain, @AuthenticationPrincipal AdminUser user) {
		user.requireDomain(domain);
		return this.calls.domains(() -> this.domains.get(domain))
			.map(DomainView::of)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, DomainError.DOMAIN_NOT_FOUND.name(), "no domain " + domain, null));
	}

	@PutMapping("/{domain}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Add a domain, enabled, bound to a host type (idempotent: the same again changes nothing)")
	@ApiResponse(responseCode = "204", description = "Added, or already there with this host type")
	@ApiResponse(responseCode = "400", description = "The name breaks the RFC 7622 / IDNA rules, or hostType is missing")
	@ApiResponse(responseCode = "403", description = "The host type is not allowed (UNKNOWN_HOST_TYPE) or the domain is static (STATIC_DOMAIN)")
	@ApiResponse(responseCode = "409", description = "The domain is bound to another host type (HOST_TYPE_CONFLICT)")
	void add(@PathVariable String domain, @RequestBody(required = false) NewDomain body, @AuthenticationPrincipal AdminUser user) {
		user.requireUnrestricted("add domains");
		String hostType = Require.text("hostType", Require.body(body).hostType());
		AuditTrail.note("hostType", hostType);
		changed(this.calls.domains(() -> this.domains.add(domain, hostType)));
	}

	@PatchMapping("/{domain}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Enable or disable a domain (idempotent)")
	@ApiResponse(responseCode = "204", description = "Done")
	@ApiResponse(responseCode = "403", description = "The domain is static (STATIC_DOMAIN)")
	@ApiResponse(responseCode = "404", description = "No such domain (DOMAIN_NOT_FOUND)")
	void patch(@PathVariable String domain, @RequestBody(required = false) DomainPatch body, @AuthenticationPrincipal AdminUser user) {
		user.requireUnrestricted("enable or disable domains");
		boolean enabled = Require.present("enabled", Require.body(body).enabled());
		AuditTrail.note("enabled", enabled);
		changed(this.calls.domains(() -> enabled ? this.domains.enable(domain) : this.domains.disable(domain)));
	}

	@DeleteMapping("/{domain}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a domain (idempotent: an absent one is no error)")
	@ApiResponse(responseCode = "204", description = "Removed, or was not there")
	@ApiResponse(responseCode = "403", description = "The domain is static (STATIC_DOMAIN)")
	void remove(@PathVariable String domain, @AuthenticationPrincipal AdminUser user) {
		user.requireUnrestricted("remove domains");
		changed(this.calls.domains(() -> this.domains.remove(domain)));
	}

	private static void changed(DomainChange change) {
		AuditTrail.note("changed", change.getChanged());
	}

	/**
	 * @param id the row id, kept for the domain's life; 0 for a static domain
	 * @param domain the canonical name
	 * @param staticDomain configured on the nodes and locked
	 */
	record DomainView(String domain, String hostType, boolean enabled, @JsonProperty("static") boolean staticDomain, long id) {

		static DomainView of(Domain domain) {
			return new DomainView(domain.getDomain(), domain.getHostType(), domain.getEnabled(), domain.getStaticDomain(), domain.getId());
		}

	}

	/** @param next the {@code after} of the next page; absent on the last page */
	record DomainPage(List<DomainView> items, Long next) {
	}

	record NewDomain(String hostType) {
	}

	record DomainPatch(Boolean enabled) {
	}

}
