package io.meridian.pool;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * The registry of running pools, looked up by (type, host, tag). A lookup for a domain that
 * has no pool of its own falls back to the global pool of the same type and tag, as in
 * MongooseIM. Pools start with the registry, follow the served domains through
 * {@link #hostAdded(String)} and {@link #hostRemoved(String)}, and stop with the context.
 */
public class OutgoingPools implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OutgoingPools.class);

	private final List<PoolDefinition> definitions;

	private final Map<PoolType, PoolClientFactory<?, ?>> factories;

	private final MeterRegistry meters;

	private final Map<PoolKey, OutgoingPool<?>> pools = new ConcurrentHashMap<>();

	/** Keys of the pools made by {@code host} expansion: the ones a removed domain takes along. */
	private final java.util.Set<PoolKey> expanded = ConcurrentHashMap.newKeySet();

	OutgoingPools(List<PoolDefinition> definitions, Map<PoolType, PoolClientFactory<?, ?>> factories, Collection<String> hosts,
			MeterRegistry meters) {
		this.definitions = definitions;
		this.factories = factories;
		this.meters = meters;
		try {
			HostExpansion.expand(definitions, normalized(hosts)).forEach(this::start);
		}
		catch (RuntimeException ex) {
			destroy();
			throw ex;
		}
	}

	/** The pool for the key, or the global pool of that type and tag when the host has none. */
	@SuppressWarnings("unchecked")
	public <C> OutgoingPool<C> get(PoolType type, String host, String tag) {
		PoolKey key = new PoolKey(type, host.toLowerCase(Locale.ROOT), tag);
		OutgoingPool<?> pool = this.pools.get(key);
		if (pool == null) {
			pool = this.pools.get(new PoolKey(type, PoolKey.GLOBAL, tag));
		}
		if (pool == null) {
			throw new NoSuchPoolException(key);
		}
		return (OutgoingPool<C>) pool;
	}

	/** The global pool of the type with the default tag. */
	public <C> OutgoingPool<C> get(PoolType type) {
		return get(type, PoolKey.GLOBAL, PoolKey.DEFAULT_TAG);
	}

	public Collection<OutgoingPool<?>> all() {
		return List.copyOf(this.pools.values());
	}

	/** A domain is now served: start its {@code host} pools. */
	public void hostAdded(String host) {
		HostExpansion.forHost(this.definitions, host.toLowerCase(Locale.ROOT), this.pools.keySet()).forEach(this::start);
	}

	/** A domain is no longer served: stop the pools {@code host} expansion made for it. */
	public void hostRemoved(String host) {
		String domain = host.toLowerCase(Locale.ROOT);
		this.definitions.stream()
			.filter(d -> d.host().equals(PoolDefinition.PER_HOST))
			.map(d -> d.keyFor(domain))
			.filter(this.expanded::remove)
			.forEach(key -> stop(key, this.pools.remove(key)));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void start(PoolKey key, PoolDefinition definition) {
		PoolClientFactory factory = this.factories.get(definition.type());
		Object client = factory.create(definition, definition.connection());
		OutgoingPool<?> pool = new OutgoingPool<>(key, client, factory, definition.options(), this.meters);
		try {
			pool.check();
			log.info("Pool {} started with {} workers ({})", key, definition.options().workers(), definition.options().strategy().configName());
		}
		catch (Exception ex) {
			if (definition.required()) {
				stop(key, pool);
				throw new PoolConfigurationException(definition.describe() + " is required but its server does not answer: "
						+ ex.getMessage() + ". Start the server or set 'required: false' to start without it.", ex);
			}
			log.warn("Pool {} started but its server does not answer yet ({}); calls fail until it does", key, ex.toString());
		}
		this.pools.put(key, pool);
		if (definition.host().equals(PoolDefinition.PER_HOST)) {
			this.expanded.add(key);
		}
	}

	private void stop(PoolKey key, OutgoingPool<?> pool) {
		if (pool == null) {
			return;
		}
		try {
			pool.close();
			log.info("Pool {} stopped", key);
		}
		catch (Exception ex) {
			log.warn("Pool {} did not stop cleanly: {}", key, ex.toString());
		}
	}

	private static List<String> normalized(Collection<String> hosts) {
		return hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
	}

	@Override
	public void destroy() {
		this.pools.forEach(this::stop);
		this.pools.clear();
	}

}
