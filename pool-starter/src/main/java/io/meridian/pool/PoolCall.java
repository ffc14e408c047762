package io.meridian.pool;

/** Work done with a pool's client on one worker. */
@FunctionalInterface
public interface PoolCall<C, T> {

	T apply(C client) throws Exception;

}
