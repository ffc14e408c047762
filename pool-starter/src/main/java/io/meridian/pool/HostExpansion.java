package io.meridian.pool;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * MongooseIM's expansion of pool entries into running pools: {@code global} gives one pool, a
 * domain gives that domain's pool, and {@code host} gives one pool for every served domain that
 * has no entry of its own for the same type and tag.
 */
final class HostExpansion {

	private HostExpansion() {
	}

	static Map<PoolKey, PoolDefinition> expand(Collection<PoolDefinition> definitions, Collection<String> hosts) {
		Map<PoolKey, PoolDefinition> pools = new LinkedHashMap<>();
		for (PoolDefinition definition : definitions) {
			if (!definition.host().equals(PoolDefinition.PER_HOST)) {
				pools.put(definition.keyFor(definition.host()), definition);
			}
		}
		for (String host : hosts) {
			pools.putAll(forHost(definitions, host, pools.keySet()));
		}
		return pools;
	}

	/** The pools a newly served domain needs that {@code existing} lacks. */
	static Map<PoolKey, PoolDefinition> forHost(Collection<PoolDefinition> definitions, String host, Set<PoolKey> existing) {
		Map<PoolKey, PoolDefinition> added = new LinkedHashMap<>();
		for (PoolDefinition definition : definitions) {
			if (definition.host().equals(PoolDefinition.PER_HOST)) {
				PoolKey key = definition.keyFor(host);
				if (!existing.contains(key)) {
					added.put(key, definition);
				}
			}
		}
		return added;
	}

}
