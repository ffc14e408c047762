package io.meridian.domains.store;

/**
 * A domain as domain-service knows it: a row of {@code domain_settings}, or a static domain
 * from configuration.
 *
 * @param id the row's id; 0 for a static domain
 * @param domain the canonical name
 * @param hostType the host type it is bound to
 * @param enabled whether nodes serve it
 * @param staticDomain whether it comes from configuration and is locked
 */
public record DomainEntry(long id, String domain, String hostType, boolean enabled, boolean staticDomain) {

	public static DomainEntry stored(long id, String domain, String hostType, boolean enabled) {
		return new DomainEntry(id, domain, hostType, enabled, false);
	}

	public static DomainEntry ofStatic(String domain, String hostType) {
		return new DomainEntry(0, domain, hostType, true, true);
	}

}
