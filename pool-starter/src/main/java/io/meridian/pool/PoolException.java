package io.meridian.pool;

/** A call through an outgoing pool did not succeed; says which pool. */
public class PoolException extends RuntimeException {

	private final PoolKey pool;

	public PoolException(PoolKey pool, String message, Throwable cause) {
		super("Pool " + pool + ": " + message, cause);
		this.pool = pool;
	}

	public PoolKey pool() {
		return this.pool;
	}

}
