package io.meridian.gateway.stream;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a stream's blocking work runs on, off the Netty event loops, in two fixed pools
 * with bounded queues: authentication (credential lookups, PLAIN's thousands of HMAC rounds,
 * registration) and the stanzas of bound sessions that wait on the database (rosters, vCards,
 * private XML, offline messages, presence broadcasts). Apart, so a storm of logins after a
 * restart does not queue the roster and message work of users already in, nor the reverse. A
 * full queue refuses the task; the stream answers it as busy.
 */
public final class BlockingWorkers implements AutoCloseable {

	/** Waiting tasks beyond which new ones are refused: a burst queues, a flood does not pile up. */
	private static final int QUEUE = 10_000;

	private final ThreadPoolExecutor auth;

	private final ThreadPoolExecutor stanzas;

	/**
	 * @param authThreads threads for authentication and registration ({@code meridian.auth.threads})
	 * @param stanzaThreads threads for bound sessions' database work ({@code meridian.c2s.blocking-threads})
	 */
	public BlockingWorkers(int authThreads, int stanzaThreads) {
		this.auth = pool("auth", "meridian.auth.threads", authThreads);
		this.stanzas = pool("c2s-blocking", "meridian.c2s.blocking-threads", stanzaThreads);
	}

	private static ThreadPoolExecutor pool(String name, String key, int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException(key + " must be at least 1, was " + threads);
		}
		AtomicInteger count = new AtomicInteger();
		return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Runs authentication; throws {@code RejectedExecutionException} when the queue is full or the pool closed. */
	public Executor auth() {
		return this.auth;
	}

	/** Runs stanzas that wait on the database; throws {@code RejectedExecutionException} when the queue is full or the pool closed. */
	public Executor stanzas() {
		return this.stanzas;
	}

	@Override
	public void close() {
		this.auth.shutdownNow();
		this.stanzas.shutdownNow();
	}

}
