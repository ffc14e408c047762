package io.meridian.pool;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code meridian.outgoing-pools}: the pools as written in configuration, before each entry's
 * {@code connection} block is bound to its type's options by {@link PoolDefinitions}.
 *
 * @param outgoingPools one entry per pool, as in MongooseIM's {@code outgoing_pools}
 */
@ConfigurationProperties("meridian")
public record OutgoingPoolsProperties(@DefaultValue List<Entry> outgoingPools) {

	/**
	 * One configured pool.
	 *
	 * @param type rdbms, redis, cassandra, http, rabbit, ldap, elastic or generic
	 * @param host {@code global} (one pool), {@code host} (one pool per served domain) or one domain
	 * @param tag names pools of the same type and host; {@code default} when absent
	 * @param required when true the application does not start unless the pool's server answers
	 * @param pool worker options
	 * @param connection the type's connection options
	 */
	public record Entry(String type, @DefaultValue("global") String host, @DefaultValue("default") String tag,
			boolean required, @DefaultValue PoolOptions pool, Map<String, Object> connection) {
	}

}
