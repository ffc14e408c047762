package io.meridian.pool;

/**
 * Names one running pool.
 *
 * @param type the pool type
 * @param host {@code global} or the XMPP domain the pool serves
 * @param tag distinguishes pools of the same type and host
 */
public record PoolKey(PoolType type, String host, String tag) {

	public static final String GLOBAL = "global";

	public static final String DEFAULT_TAG = "default";

	@Override
	public String toString() {
		return "(" + this.type.configName() + ", " + this.host + ", " + this.tag + ")";
	}

}
