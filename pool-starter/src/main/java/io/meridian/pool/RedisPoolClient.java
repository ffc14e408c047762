package io.meridian.pool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;

/**
 * The client of a {@code redis} pool: one Lettuce connection per worker, opened in the
 * background when the pool starts, opened again by a later call when that failed, and
 * reconnected by Lettuce after the server goes away. Commands time out after the pool's
 * {@code call-timeout}; while a connection is down they fail at once instead of queueing.
 * <p>
 * The connections are shared by concurrent calls, as Lettuce connections are meant to be.
 * Commands that change a connection's state for later commands ({@code MULTI}/{@code EXEC},
 * {@code WATCH}, {@code SELECT}, blocking pops, {@code SUBSCRIBE}) need a connection of their
 * own: open it from {@link #redisClient()} and close it when done.
 */
public final class RedisPoolClient {

	private final RedisClient redis;

	private final RedisURI uri;

	private final Duration callTimeout;

	private final Slot[] slots;

	private final AtomicInteger next = new AtomicInteger();

	RedisPoolClient(RedisClient redis, RedisURI uri, int workers, Duration callTimeout) {
		this.redis = redis;
		this.uri = uri;
		this.callTimeout = callTimeout;
		this.slots = new Slot[workers];
		for (int i = 0; i < workers; i++) {
			this.slots[i] = new Slot();
			this.slots[i].connection();
		}
	}

	/** Synchronous commands on one of the pool's connections, the connections taken in turn. */
	public RedisCommands<String, String> commands() {
		return connection().sync();
	}

	/**
	 * Asynchronous commands on one of the pool's connections. Commands issued through one
	 * result go to the server together without waiting for each reply (a pipeline).
	 */
	public RedisAsyncCommands<String, String> async() {
		return connection().async();
	}

	/**
	 * The Lettuce client behind the pool, set up with its server, credentials, database and
	 * TLS: {@code connect()} and {@code connectPubSub()} give connections of one's own, which
	 * the caller closes. It is shut down with the pool.
	 */
	public RedisClient redisClient() {
		return this.redis;
	}

	private StatefulRedisConnection<String, String> connection() {
		return this.slots[Math.floorMod(this.next.getAndIncrement(), this.slots.length)].connected();
	}

	void close() {
		for (Slot slot : this.slots) {
			slot.close();
		}
		this.redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

	/** One worker's connection: the attempt in progress, its result, or a failure that the next call retries. */
	private final class Slot {

		private CompletableFuture<StatefulRedisConnection<String, String>> connection;

		synchronized CompletableFuture<StatefulRedisConnection<String, String>> connection() {
			if (this.connection == null || this.connection.isCompletedExceptionally()) {
				this.connection = RedisPoolClient.this.redis.connectAsync(StringCodec.UTF8, RedisPoolClient.this.uri)
					.toCompletableFuture();
			}
			return this.connection;
		}

		StatefulRedisConnection<String, String> connected() {
			Duration timeout = RedisPoolClient.this.callTimeout;
			try {
				return connection().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (ExecutionException ex) {
				throw failure(ex.getCause());
			}
			catch (TimeoutException ex) {
				throw new RedisConnectionException("Unable to connect to " + where() + " within call-timeout " + timeout.toMillis() + " ms", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new RedisConnectionException("Interrupted while connecting to " + where(), ex);
			}
		}

		/** Lettuce's own message names only the address; the reason (refused, WRONGPASS, ...) is its root cause. */
		private RedisConnectionException failure(Throwable failure) {
			Throwable root = failure;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			return new RedisConnectionException("Unable to connect to " + where() + ": " + root.getMessage(), failure);
		}

		private String where() {
			return RedisPoolClient.this.uri.getHost() + ":" + RedisPoolClient.this.uri.getPort();
		}

		synchronized void close() {
			if (this.connection != null) {
				// An attempt still in progress closes its connection as soon as it has one.
				this.connection.thenAccept(StatefulRedisConnection::close);
			}
		}

	}

}
