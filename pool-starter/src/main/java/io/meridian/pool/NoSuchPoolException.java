package io.meridian.pool;

/** No pool is configured for the key, neither for its host nor globally. */
public class NoSuchPoolException extends PoolException {

	public NoSuchPoolException(PoolKey pool) {
		super(pool, "no such pool is configured in meridian.outgoing-pools", null);
	}

}
