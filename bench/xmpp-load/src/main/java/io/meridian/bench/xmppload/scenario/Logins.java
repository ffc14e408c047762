package io.meridian.bench.xmppload.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import io.netty.channel.EventLoop;

import io.meridian.bench.xmppload.client.LoginSteps;
import io.meridian.bench.xmppload.client.StanzaListener;
import io.meridian.bench.xmppload.client.XmppClient;
import io.meridian.bench.xmppload.client.XmppConnection;
import io.meridian.bench.xmppload.report.Latency;

/** Logs many accounts in with a bound on logins in flight (and optionally a rate), and closes them again. */
final class Logins {

	/**
	 * @param connections online connections, in the order of the users asked for (null where the login failed)
	 * @param failed logins that did not get online
	 * @param firstError the reason of the first failure, or null
	 * @param elapsedNanos from the first connect to the last login's end
	 * @param latency per-login time from connect to online
	 * @param scramIterations iteration count the server asked for (0 with PLAIN)
	 */
	record Outcome(List<XmppConnection> connections, int failed, String firstError, long elapsedNanos, Latency latency, int scramIterations) {

		List<XmppConnection> online() {
			return this.connections.stream().filter(c -> c != null).toList();
		}

	}

	private Logins() {
	}

	static Outcome loginAll(XmppClient client, List<String> users, IntFunction<EventLoop> loops, LoginSteps steps, StanzaListener listener,
			int concurrency, double rate) throws InterruptedException {
		Semaphore inFlight = new Semaphore(Math.max(1, concurrency));
		List<XmppConnection> connections = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(users.size(), null)));
		List<CompletableFuture<?>> done = new ArrayList<>(users.size());
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<String> firstError = new AtomicReference<>();
		AtomicInteger iterations = new AtomicInteger();
		Latency latency = new Latency();
		long start = System.nanoTime();
		for (int i = 0; i < users.size(); i++) {
			if (rate > 0) {
				long due = start + (long) (i * 1e9 / rate);
				long wait;
				while ((wait = due - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
			}
			inFlight.acquire();
			int index = i;
			XmppConnection connection = client.connect(loops.apply(i), users.get(i), "load", steps, listener);
			done.add(connection.online().whenComplete((c, ex) -> {
				inFlight.release();
				if (ex != null) {
					failed.incrementAndGet();
					firstError.compareAndSet(null, users.get(index) + ": " + rootMessage(ex));
				}
				else {
					connections.set(index, c);
					latency.record(c.loginNanos());
					iterations.compareAndSet(0, c.scramIterations());
				}
			}));
		}
		XmppClient.all(done).join();
		long elapsed = System.nanoTime() - start;
		return new Outcome(new ArrayList<>(connections), failed.get(), firstError.get(), elapsed, latency, iterations.get());
	}

	/** Closes every connection and waits (a bounded time) for the server to let go of them. */
	static void closeAll(List<XmppConnection> connections) {
		List<CompletableFuture<?>> closed = new ArrayList<>();
		for (XmppConnection c : connections) {
			if (c != null) {
				closed.add(c.close());
			}
		}
		try {
			XmppClient.all(closed).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// best effort: the next scenario uses fresh connections
		}
	}

	static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return (t.getMessage() != null) ? t.getMessage() : t.getClass().getSimpleName();
	}

	static double loadAverage() {
		try {
			String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
			return Double.parseDouble(line.split(" ")[0]);
		}
		catch (Exception ex) {
			return Double.NaN;
		}
	}

}
