package io.meridian.bench.xmppload.scenario;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Lets the scenario's thread wait for counters the event loops update, without polling: the
 * loops call {@link #changed()} after each update, which wakes a waiter only when there is one.
 */
final class Signal {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private volatile boolean waiting;

	/** Called by the event loops after they update a counter a waiter may be watching. */
	void changed() {
		if (this.waiting) {
			this.lock.lock();
			try {
				this.changed.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	/** Waits until {@code done} holds, at most {@code timeoutNanos}; whether it holds. */
	boolean await(BooleanSupplier done, long timeoutNanos) throws InterruptedException {
		long remaining = timeoutNanos;
		this.lock.lock();
		try {
			this.waiting = true;
			while (!done.getAsBoolean()) {
				if (remaining <= 0) {
					return false;
				}
				remaining = this.changed.awaitNanos(remaining);
			}
			return true;
		}
		finally {
			this.waiting = false;
			this.lock.unlock();
		}
	}

	/** Lets a phase of the scenario run for {@code nanos}: a task scheduled on the loop ends the wait. */
	static void pause(ScheduledExecutorService loop, long nanos) throws Exception {
		loop.schedule(() -> null, Math.max(0, nanos), TimeUnit.NANOSECONDS).get();
	}

}
