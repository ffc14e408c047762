package io.meridian.pool;

import java.util.Collection;

/**
 * The XMPP domains this node serves, for {@code host: host} pools. The default reads
 * {@code meridian.hosts}; a node with dynamic domains provides its own and calls
 * {@link OutgoingPools#hostAdded(String)} and {@link OutgoingPools#hostRemoved(String)} as they change.
 */
@FunctionalInterface
public interface ServedHosts {

	Collection<String> hosts();

}
