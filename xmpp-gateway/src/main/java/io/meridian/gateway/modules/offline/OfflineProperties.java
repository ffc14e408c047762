package io.meridian.gateway.modules.offline;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Offline messages (XEP-0160): on for every served domain unless switched off.
 *
 * @param maxPerUser messages kept for one account; past it the sender gets {@code service-unavailable}
 * @param disabledDomains served domains that keep no offline messages (a message nobody can take is bounced)
 */
@ConfigurationProperties("meridian.offline")
public record OfflineProperties(@DefaultValue("100") int maxPerUser, @DefaultValue List<String> disabledDomains) {

	public OfflineProperties {
		if (maxPerUser < 1) {
			throw new IllegalArgumentException("meridian.offline.max-per-user must be at least 1 (switch storage off with disabled-domains), was "
					+ maxPerUser);
		}
	}

}
