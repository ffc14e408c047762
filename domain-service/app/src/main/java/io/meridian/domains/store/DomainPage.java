package io.meridian.domains.store;

import java.util.List;

/**
 * One page of dynamic domains in id order.
 *
 * @param domains the page
 * @param hasMore whether domains with a greater id follow
 * @param lastEventId the greatest event id, read in the page's snapshot
 */
public record DomainPage(List<DomainEntry> domains, boolean hasMore, long lastEventId) {
}
