package io.meridian.pool;

/** The pool's circuit breaker is open after repeated failures: the call was not attempted. */
public class PoolUnavailableException extends PoolException {

	public PoolUnavailableException(PoolKey pool, Throwable cause) {
		super(pool, "circuit open after repeated failures; calls resume when the server answers again", cause);
	}

}
