package io.meridian.pool;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker of a pool: runs one call at a time, in arrival order (a fair permit), and keeps a
 * queue of submitted calls that it runs in submission order.
 */
final class Worker {

	private final Semaphore permit = new Semaphore(1, true);

	private final AtomicInteger load = new AtomicInteger();

	private final Queue<Runnable> submitted = new ArrayDeque<>();

	private final Executor executor;

	private boolean draining;

	Worker(Executor executor) {
		this.executor = executor;
	}

	/** Calls running on or waiting for this worker. */
	int load() {
		return this.load.get();
	}

	boolean busy() {
		return this.permit.availablePermits() == 0;
	}

	int waiting() {
		return this.permit.getQueueLength();
	}

	void reserve() {
		this.load.incrementAndGet();
	}

	/** Takes the worker once {@link #reserve()} was called; false when the timeout passes first. */
	boolean acquire(long timeoutNanos) throws InterruptedException {
		if (this.permit.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
			return true;
		}
		this.load.decrementAndGet();
		return false;
	}

	/** Takes the worker only if it is free now. */
	boolean tryAcquireNow() {
		if (this.permit.tryAcquire()) {
			this.load.incrementAndGet();
			return true;
		}
		return false;
	}

	void release() {
		this.load.decrementAndGet();
		this.permit.release();
	}

	/** Queues work to run after the work submitted before it. */
	void submit(Runnable work) {
		synchronized (this.submitted) {
			this.submitted.add(work);
			if (this.draining) {
				return;
			}
			this.draining = true;
		}
		this.executor.execute(this::drain);
	}

	int queued() {
		synchronized (this.submitted) {
			return this.submitted.size();
		}
	}

	private void drain() {
		while (true) {
			Runnable next;
			synchronized (this.submitted) {
				next = this.submitted.poll();
				if (next == null) {
					this.draining = false;
					return;
				}
			}
			next.run();
		}
	}

}
