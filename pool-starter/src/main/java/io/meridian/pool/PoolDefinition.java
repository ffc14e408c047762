package io.meridian.pool;

/**
 * A configured pool after validation, before host expansion.
 *
 * @param index position in {@code meridian.outgoing-pools}, for messages
 * @param type the pool type
 * @param host {@code global}, {@code host} or a domain
 * @param tag the pool's tag
 * @param required whether start-up waits for and fails without the server
 * @param options worker options
 * @param connection the type's connection options record
 */
public record PoolDefinition(int index, PoolType type, String host, String tag, boolean required, PoolOptions options,
		Object connection) {

	public static final String PER_HOST = "host";

	/** How an operator finds the entry: {@code meridian.outgoing-pools[2] (redis, host, default)}. */
	public String describe() {
		return "meridian.outgoing-pools[" + this.index + "] (" + this.type.configName() + ", " + this.host + ", " + this.tag + ")";
	}

	public PoolKey keyFor(String servedHost) {
		return new PoolKey(this.type, servedHost, this.tag);
	}

}
