package io.meridian.gateway.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The domains named in configuration ({@code meridian.hosts}); they never change at run time. */
public final class StaticHostedDomains implements HostedDomains {

	private final Set<String> domains;

	public StaticHostedDomains(Collection<String> domains) {
		this.domains = domains.stream().map(StaticHostedDomains::fold).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public boolean isServed(String domain) {
		return domain != null && this.domains.contains(fold(domain));
	}

	private static String fold(String domain) {
		return domain.toLowerCase(Locale.ROOT);
	}

}
