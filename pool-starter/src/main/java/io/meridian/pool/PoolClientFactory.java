package io.meridian.pool;

import java.util.function.Predicate;

/**
 * Makes and checks the client of one pool type. One bean per type, registered by that type's
 * configuration when its client library is on the classpath.
 *
 * @param <C> the client the pool hands out (a {@code JdbcTemplate}, a {@code CqlSession}, ...)
 * @param <S> the record the entry's {@code connection} block binds to
 */
public interface PoolClientFactory<C, S> {

	PoolType type();

	/** The record {@code connection} binds to; its components are the only keys accepted. */
	Class<S> connectionType();

	/** Why these worker options cannot work for this type, or null when they can. */
	default String rejectOptions(PoolOptions options) {
		return null;
	}

	/**
	 * Builds the client without waiting for the server: a pool whose server is down still starts
	 * and connects when the server comes up. Client-side timeouts follow {@code call-timeout}.
	 */
	C create(PoolDefinition definition, S connection);

	/** One cheap round trip to the server; throws when it does not answer. */
	void check(C client) throws Exception;

	/** Whether {@code error} or any exception in its cause chain is one {@code test} accepts. */
	static boolean anyCause(Throwable error, Predicate<Throwable> test) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (test.test(cause)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a failure is the client's own timeout, reported as {@link PoolCallTimeoutException}. */
	default boolean isTimeout(Throwable error) {
		return false;
	}

	/**
	 * Whether a failure is the server refusing this one call (a duplicate key, a broken
	 * constraint, bad SQL): the call failed, but the server answered, so it does not count
	 * towards opening the circuit. Otherwise a client that keeps asking for something the
	 * server rightly refuses would cut every other caller off.
	 */
	default boolean isRefusal(Throwable error) {
		return false;
	}

	void close(C client) throws Exception;

}
