package io.meridian.gateway.auth;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads authentication runs on, off the Netty event loops: credential lookups go to the
 * database and PLAIN derives a key with thousands of HMAC rounds. A fixed pool with a bounded
 * queue; a full queue refuses the task (the stream answers {@code temporary-auth-failure}).
 */
public final class AuthWorkers implements AutoCloseable {

	/** Waiting authentications beyond which new ones are refused: a burst of logins queues, a flood does not pile up. */
	private static final int QUEUE = 10_000;

	private final ThreadPoolExecutor pool;

	public AuthWorkers(int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("meridian.auth.threads must be at least 1, was " + threads);
		}
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
			Thread thread = new Thread(task, "auth-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Runs tasks on the pool; throws {@code RejectedExecutionException} when the queue is full or the pool closed. */
	public Executor executor() {
		return this.pool;
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

}
