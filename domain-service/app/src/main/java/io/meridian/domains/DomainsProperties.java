package io.meridian.domains;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

import io.meridian.domains.api.DomainNames;

/**
 * What domain-service allows and where it nudges the followers ({@code meridian.domains.*}).
 *
 * @param hostTypes the host types dynamic domains may have; none by default, so every add is refused
 * @param staticDomains the static domains of the deployment, domain to host type, as the nodes configure them:
 * locked here, never added, changed or removed; their host type need not be in {@code host-types}. Keys with
 * dots go in brackets in properties ({@code meridian.domains.static[example.com]=type1})
 * @param eventRetention how long events are kept for followers that fall behind (the newest is always kept)
 * @param eventCleanupInterval how often older events are deleted
 * @param redis the Redis server that carries the nudges
 */
@ConfigurationProperties("meridian.domains")
public record DomainsProperties(List<String> hostTypes, @Name("static") Map<String, String> staticDomains,
		@DefaultValue("7d") Duration eventRetention, @DefaultValue("1h") Duration eventCleanupInterval, @DefaultValue Redis redis) {

	/** Longest host type: the width of {@code domain_settings.host_type}. */
	public static final int MAX_HOST_TYPE_LENGTH = 64;

	public DomainsProperties {
		hostTypes = (hostTypes != null) ? List.copyOf(hostTypes) : List.of();
		for (String hostType : hostTypes) {
			requireHostType(hostType, "meridian.domains.host-types");
		}
		Map<String, String> canonical = new LinkedHashMap<>();
		if (staticDomains != null) {
			staticDomains.forEach((domain, hostType) -> {
				requireHostType(hostType, "meridian.domains.static[" + domain + "]");
				try {
					canonical.put(DomainNames.canonical(domain), hostType);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("meridian.domains.static: " + ex.getMessage(), ex);
				}
			});
		}
		staticDomains = Map.copyOf(canonical);
		if (eventRetention.isNegative() || eventRetention.isZero()) {
			throw new IllegalArgumentException("meridian.domains.event-retention must be positive, was " + eventRetention);
		}
		if (eventCleanupInterval.isNegative() || eventCleanupInterval.isZero()) {
			throw new IllegalArgumentException("meridian.domains.event-cleanup-interval must be positive, was " + eventCleanupInterval);
		}
	}

	private static void requireHostType(String hostType, String key) {
		if (hostType == null || hostType.isBlank() || hostType.length() > MAX_HOST_TYPE_LENGTH) {
			throw new IllegalArgumentException(key + ": a host type has 1 to " + MAX_HOST_TYPE_LENGTH + " characters, was '"
					+ hostType + "'");
		}
	}

	/**
	 * The Redis server of the nudges. Followers poll as well, so a Redis that is down delays them
	 * but loses nothing.
	 *
	 * @param host the server's host
	 * @param port the server's port
	 * @param channel the pub/sub channel; the payload is the id of the newest event
	 * @param timeout how long connecting or publishing may take
	 */
	public record Redis(@DefaultValue("127.0.0.1") String host, @DefaultValue("6379") int port,
			@DefaultValue("meridian:domains") String channel, @DefaultValue("2s") Duration timeout) {
	}

}
