package io.meridian.pool;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Worker options common to every pool type.
 *
 * @param workers number of workers, each holding one connection (a thread for generic pools)
 * @param strategy how a call picks its worker
 * @param callTimeout the longest a call may take, waiting for its worker included
 * @param circuitBreaker when the pool stops calling a failing server and when it tries again
 */
public record PoolOptions(@DefaultValue("10") int workers, @DefaultValue("best_worker") WorkerStrategy strategy,
		@DefaultValue("5s") Duration callTimeout, @DefaultValue CircuitBreakerOptions circuitBreaker) {

	public PoolOptions {
		if (workers < 1) {
			throw new IllegalArgumentException("workers must be at least 1, was " + workers);
		}
		if (callTimeout.isNegative() || callTimeout.isZero()) {
			throw new IllegalArgumentException("call-timeout must be positive, was " + callTimeout);
		}
	}

	public static PoolOptions defaults() {
		return new PoolOptions(10, WorkerStrategy.BEST_WORKER, Duration.ofSeconds(5), CircuitBreakerOptions.defaults());
	}

	/**
	 * The pool's circuit breaker.
	 *
	 * @param failureRateThreshold percentage of failed calls that opens the circuit
	 * @param minimumCalls calls counted before the rate is judged
	 * @param waitInOpen how long an open circuit refuses calls before letting a few through
	 */
	public record CircuitBreakerOptions(@DefaultValue("50") float failureRateThreshold, @DefaultValue("10") int minimumCalls,
			@DefaultValue("10s") Duration waitInOpen) {

		public static CircuitBreakerOptions defaults() {
			return new CircuitBreakerOptions(50, 10, Duration.ofSeconds(10));
		}

	}

}
