package io.meridian.pool;

import java.time.Duration;

/** A call did not finish within the pool's {@code call-timeout}, waiting for a worker included. */
public class PoolCallTimeoutException extends PoolException {

	public PoolCallTimeoutException(PoolKey pool, Duration timeout, Throwable cause) {
		super(pool, "call exceeded call-timeout " + timeout.toMillis() + " ms", cause);
	}

}
