package io.meridian.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * One running pool: a client shared by {@code workers} workers, each running one call at a
 * time. Every call goes through the pool's circuit breaker, waits for its worker at most
 * {@code call-timeout}, and is timed and counted.
 *
 * @param <C> the client type
 */
public final class OutgoingPool<C> implements AutoCloseable {

	private final PoolKey key;

	private final C client;

	private final PoolClientFactory<C, ?> factory;

	private final PoolOptions options;

	private final List<Worker> workers;

	private final Semaphore free;

	private final AtomicInteger next = new AtomicInteger();

	private final CircuitBreaker breaker;

	private final ExecutorService executor;

	private final Timer calls;

	private final Counter timeouts;

	private final Counter errors;

	private final Counter rejected;

	private final MeterRegistry meters;

	private final List<Meter> registered = new ArrayList<>();

	OutgoingPool(PoolKey key, C client, PoolClientFactory<C, ?> factory, PoolOptions options, MeterRegistry meters) {
		this.key = key;
		this.client = client;
		this.factory = factory;
		this.options = options;
		this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("pool-" + key.type().configName() + "-", 0).factory());
		List<Worker> list = new ArrayList<>(options.workers());
		for (int i = 0; i < options.workers(); i++) {
			list.add(new Worker(this.executor));
		}
		this.workers = List.copyOf(list);
		this.free = new Semaphore(options.workers(), true);
		PoolOptions.CircuitBreakerOptions cb = options.circuitBreaker();
		this.breaker = CircuitBreaker.of(key.toString(), CircuitBreakerConfig.custom()
			.failureRateThreshold(cb.failureRateThreshold())
			.minimumNumberOfCalls(cb.minimumCalls())
			.slidingWindowSize(Math.max(cb.minimumCalls(), 20))
			.waitDurationInOpenState(cb.waitInOpen())
			.permittedNumberOfCallsInHalfOpenState(Math.min(3, options.workers()))
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.ignoreException(factory::isRefusal)
			.build());
		this.meters = meters;
		Tags tags = Tags.of("type", key.type().configName(), "host", key.host(), "tag", key.tag());
		this.calls = track(Timer.builder("meridian.pool.calls").description("Successful calls and their time").tags(tags).register(meters));
		this.timeouts = track(Counter.builder("meridian.pool.timeouts").description("Calls over call-timeout").tags(tags).register(meters));
		this.errors = track(Counter.builder("meridian.pool.errors").description("Calls that failed").tags(tags).register(meters));
		this.rejected = track(Counter.builder("meridian.pool.rejected").description("Calls refused by the open circuit").tags(tags).register(meters));
		track(Gauge.builder("meridian.pool.workers", this.workers, List::size).tags(tags).register(meters));
		track(Gauge.builder("meridian.pool.workers.busy", this, OutgoingPool::busyWorkers).description("Workers running a call").tags(tags).register(meters));
		track(Gauge.builder("meridian.pool.queue.length", this, OutgoingPool::queueLength).description("Calls waiting for a worker").tags(tags).register(meters));
		track(Gauge.builder("meridian.pool.circuit.open", this.breaker, b -> (b.getState() == CircuitBreaker.State.OPEN) ? 1 : 0).tags(tags).register(meters));
	}

	private <M extends Meter> M track(M meter) {
		this.registered.add(meter);
		return meter;
	}

	public PoolKey key() {
		return this.key;
	}

	/** The client itself, for frameworks that manage their own calls (Flyway, Spring Data). */
	public C client() {
		return this.client;
	}

	public PoolOptions options() {
		return this.options;
	}

	public CircuitBreaker.State circuitState() {
		return this.breaker.getState();
	}

	/** Runs the call on a worker chosen by the pool's strategy, on the caller's thread. */
	public <T> T call(PoolCall<C, T> call) {
		return call(null, call);
	}

	/** As {@link #call(PoolCall)}; with {@code hash_worker} the key picks the worker, so calls per key keep their order. */
	public <T> T call(Object key, PoolCall<C, T> call) {
		return execute(key, null, call, System.nanoTime());
	}

	/**
	 * Runs the call on a worker's own thread. Calls submitted with one key under
	 * {@code hash_worker} run one after another in the order submitted.
	 */
	public <T> CompletableFuture<T> submit(Object key, PoolCall<C, T> call) {
		long submitted = System.nanoTime();
		CompletableFuture<T> result = new CompletableFuture<>();
		Worker worker = (this.options.strategy() == WorkerStrategy.AVAILABLE_WORKER) ? null : select(key);
		Runnable work = () -> {
			try {
				result.complete(execute(key, worker, call, submitted));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		};
		if (worker != null) {
			worker.submit(work);
		}
		else {
			this.executor.execute(work);
		}
		return result;
	}

	private <T> T execute(Object key, Worker chosen, PoolCall<C, T> call, long since) {
		if (!this.breaker.tryAcquirePermission()) {
			this.rejected.increment();
			throw new PoolUnavailableException(this.key, CallNotPermittedException.createCallNotPermittedException(this.breaker));
		}
		Worker worker;
		try {
			worker = acquire(key, chosen, since);
		}
		catch (RuntimeException ex) {
			// The call never reached the server: hand the permit back, or a half-open circuit runs out of trial calls.
			this.breaker.releasePermission();
			throw ex;
		}
		long start = System.nanoTime();
		try {
			T result = call.apply(this.client);
			long took = System.nanoTime() - start;
			this.breaker.onSuccess(took, TimeUnit.NANOSECONDS);
			this.calls.record(took, TimeUnit.NANOSECONDS);
			return result;
		}
		catch (Throwable ex) {
			this.breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			if (this.factory.isTimeout(ex)) {
				this.timeouts.increment();
				throw new PoolCallTimeoutException(this.key, this.options.callTimeout(), ex);
			}
			this.errors.increment();
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex instanceof Error error) {
				throw error;
			}
			throw new PoolException(this.key, ex.getMessage(), ex);
		}
		finally {
			release(worker);
		}
	}

	private Worker acquire(Object key, Worker chosen, long since) {
		long remaining = this.options.callTimeout().toNanos() - (System.nanoTime() - since);
		try {
			if (this.options.strategy() == WorkerStrategy.AVAILABLE_WORKER) {
				if (remaining > 0 && this.free.tryAcquire(remaining, TimeUnit.NANOSECONDS)) {
					for (Worker worker : this.workers) {
						if (worker.tryAcquireNow()) {
							return worker;
						}
					}
					this.free.release();
					throw new IllegalStateException("no free worker behind a free permit");
				}
			}
			else {
				Worker worker = (chosen != null) ? chosen : select(key);
				worker.reserve();
				if (worker.acquire(Math.max(remaining, 0))) {
					return worker;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PoolException(this.key, "interrupted while waiting for a worker", ex);
		}
		this.timeouts.increment();
		throw new PoolCallTimeoutException(this.key, this.options.callTimeout(), null);
	}

	private void release(Worker worker) {
		worker.release();
		if (this.options.strategy() == WorkerStrategy.AVAILABLE_WORKER) {
			this.free.release();
		}
	}

	/** The worker a call with this key goes to (not used by {@code available_worker}). */
	Worker select(Object key) {
		int n = this.workers.size();
		return switch (this.options.strategy()) {
			case BEST_WORKER -> {
				Worker best = this.workers.get(0);
				for (int i = 1; i < n && best.load() > 0; i++) {
					Worker candidate = this.workers.get(i);
					if (candidate.load() < best.load()) {
						best = candidate;
					}
				}
				yield best;
			}
			case RANDOM_WORKER -> this.workers.get(ThreadLocalRandom.current().nextInt(n));
			case NEXT_WORKER -> this.workers.get(Math.floorMod(this.next.getAndIncrement(), n));
			case HASH_WORKER -> {
				if (key == null) {
					throw new IllegalArgumentException("Pool " + this.key + " uses hash_worker: pass the key that orders the calls");
				}
				int h = key.hashCode();
				yield this.workers.get(Math.floorMod(h ^ (h >>> 16), n));
			}
			case AVAILABLE_WORKER -> throw new IllegalStateException("available_worker has no fixed worker");
		};
	}

	int indexOf(Worker worker) {
		return this.workers.indexOf(worker);
	}

	private double busyWorkers() {
		return this.workers.stream().filter(Worker::busy).count();
	}

	private double queueLength() {
		int waiting = this.free.getQueueLength();
		for (Worker worker : this.workers) {
			waiting += worker.waiting() + worker.queued();
		}
		return waiting;
	}

	/** Health: one round trip within call-timeout. */
	void check() throws Exception {
		CompletableFuture<Void> probe = CompletableFuture.runAsync(() -> {
			try {
				this.factory.check(this.client);
			}
			catch (Exception ex) {
				throw new java.util.concurrent.CompletionException(ex);
			}
		}, this.executor);
		try {
			probe.get(this.options.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	Duration callTimeout() {
		return this.options.callTimeout();
	}

	@Override
	public void close() throws Exception {
		this.registered.forEach(this.meters::remove);
		this.executor.shutdown();
		this.factory.close(this.client);
	}

}
