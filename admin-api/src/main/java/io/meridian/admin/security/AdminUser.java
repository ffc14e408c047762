package io.meridian.admin.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import io.meridian.domains.api.DomainNames;
import io.meridian.domains.api.InvalidDomainNameException;

/**
 * An operator who logged in: a role, and the XMPP domains it is limited to (none: all of them).
 */
public final class AdminUser extends User {

	private final Role role;

	private final Set<String> domains;

	AdminUser(String name, String password, Role role, Set<String> domains) {
		super(name, password, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
		this.role = role;
		this.domains = Set.copyOf(domains);
	}

	public Role role() {
		return this.role;
	}

	/** The canonical domains this operator is limited to; empty when it may touch every domain. */
	public Set<String> domains() {
		return this.domains;
	}

	/** Whether this operator may touch every domain, and so manage the domains themselves. */
	public boolean unrestricted() {
		return this.domains.isEmpty();
	}

	/** Whether this operator may see or change {@code domain} (any spelling of it). */
	public boolean mayAccess(String domain) {
		if (unrestricted()) {
			return true;
		}
		try {
			return this.domains.contains(DomainNames.canonical(domain));
		}
		catch (InvalidDomainNameException ex) {
			return false;
		}
	}

	/** @throws AccessDeniedException when this operator is limited to other domains */
	public void requireDomain(String domain) {
		if (!mayAccess(domain)) {
			throw new AccessDeniedException(getUsername() + " may only manage " + String.join(", ", this.domains.stream().sorted().toList()));
		}
	}

	/** @throws AccessDeniedException when this operator is limited to some domains */
	public void requireUnrestricted(String what) {
		if (!unrestricted()) {
			throw new AccessDeniedException(getUsername() + " is limited to its own domains and may not " + what);
		}
	}

	/** What an operator may do. */
	public enum Role {

		/** Read and write. */
		ADMIN,

		/** GET only. */
		READONLY

	}

}
