package io.meridian.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Worker strategies, call-timeout and the circuit breaker, on a generic pool. */
class OutgoingPoolTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<OutgoingPool<?>> pools = new ArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void close() throws Exception {
		this.release.countDown();
		for (OutgoingPool<?> pool : this.pools) {
			pool.close();
		}
	}

	@Test
	void bestWorkerSendsACallPastABusyWorker() throws Exception {
		OutgoingPool<GenericWorkers> pool = pool(2, WorkerStrategy.BEST_WORKER, Duration.ofSeconds(5));
		CompletableFuture<Object> blocked = occupy(pool, "busy");
		await().until(() -> busyWorkers() == 1);
		assertThat(pool.<String>call(w -> "free worker")).isEqualTo("free worker");
		assertThat(blocked).isNotDone();
	}

	@Test
	void oneBusyWorkerMakesTheNextCallWaitAndThenTimeOut() {
		OutgoingPool<GenericWorkers> pool = pool(1, WorkerStrategy.BEST_WORKER, Duration.ofMillis(200));
		occupy(pool, "busy");
		await().until(() -> busyWorkers() == 1);
		assertThatThrownBy(() -> pool.call(w -> "never")).isInstanceOf(PoolCallTimeoutException.class)
			.hasMessageContaining("Pool (generic, global, default): call exceeded call-timeout 200 ms");
		assertThat(this.meters.get("meridian.pool.timeouts").counter().count()).isEqualTo(1);
	}

	@Test
	void nextWorkerTakesTheWorkersInTurn() {
		OutgoingPool<GenericWorkers> pool = pool(3, WorkerStrategy.NEXT_WORKER, Duration.ofSeconds(1));
		List<Integer> picked = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			picked.add(pool.indexOf(pool.select(null)));
		}
		assertThat(picked).containsExactly(0, 1, 2, 0, 1, 2);
	}

	@Test
	void randomWorkerReachesEveryWorker() {
		OutgoingPool<GenericWorkers> pool = pool(4, WorkerStrategy.RANDOM_WORKER, Duration.ofSeconds(1));
		Set<Integer> picked = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			picked.add(pool.indexOf(pool.select(null)));
		}
		assertThat(picked).containsExactlyInAnyOrder(0, 1, 2, 3);
	}

	@Test
	void availableWorkerWaitsForAFreeWorkerUpToTheCallTimeout() throws Exception {
		OutgoingPool<GenericWorkers> pool = pool(2, WorkerStrategy.AVAILABLE_WORKER, Duration.ofMillis(300));
		CountDownLatch first = new CountDownLatch(1);
		CompletableFuture<Object> a = pool.submit(null, w -> first.await(5, TimeUnit.SECONDS));
		occupy(pool, "b");
		await().until(() -> busyWorkers() == 2);
		assertThatThrownBy(() -> pool.call(w -> "none free")).isInstanceOf(PoolCallTimeoutException.class);

		OutgoingPool<GenericWorkers> patient = pool;
		CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> patient.call(w -> "got the freed worker"));
		await().until(() -> this.meters.get("meridian.pool.queue.length").gauge().value() == 1);
		first.countDown();
		assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("got the freed worker");
		assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(true);
	}

	@Test
	void hashWorkerKeepsTheOrderOfEachKey() throws Exception {
		OutgoingPool<GenericWorkers> pool = pool(4, WorkerStrategy.HASH_WORKER, Duration.ofSeconds(10));
		Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
		List<CompletableFuture<Boolean>> jobs = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			String key = "user" + (i % 7);
			int n = i;
			jobs.add(pool.submit(key, w -> seen.computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(n)));
		}
		CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
		assertThat(seen).hasSize(7);
		seen.values().forEach(order -> assertThat(order).hasSizeGreaterThanOrEqualTo(57).isSorted());
		assertThat(pool.indexOf(pool.select("user3"))).isEqualTo(pool.indexOf(pool.select("user3")));
	}

	@Test
	void hashWorkerNeedsAKey() {
		OutgoingPool<GenericWorkers> pool = pool(2, WorkerStrategy.HASH_WORKER, Duration.ofSeconds(1));
		assertThatIllegalArgumentException().isThrownBy(() -> pool.call(w -> "no key")).withMessageContaining("hash_worker");
	}

	@Test
	void failuresKeepTheirTypeAndAreCounted() {
		OutgoingPool<GenericWorkers> pool = pool(1, WorkerStrategy.BEST_WORKER, Duration.ofSeconds(1));
		assertThatThrownBy(() -> pool.call(w -> {
			throw new IllegalStateException("boom");
		})).isInstanceOf(IllegalStateException.class).hasMessage("boom");
		assertThatThrownBy(() -> pool.call(w -> {
			throw new java.io.IOException("checked");
		})).isInstanceOf(PoolException.class).hasMessageContaining("checked");
		assertThat(this.meters.get("meridian.pool.errors").counter().count()).isEqualTo(2);
		assertThat(pool.<Integer>call(w -> 1)).isEqualTo(1);
		assertThat(this.meters.get("meridian.pool.calls").timer().count()).isEqualTo(1);
	}

	@Test
	void theCircuitOpensOnRepeatedFailuresAndClosesWhenCallsSucceedAgain() {
		PoolOptions options = new PoolOptions(2, WorkerStrategy.BEST_WORKER, Duration.ofSeconds(1),
				new PoolOptions.CircuitBreakerOptions(50, 4, Duration.ofMillis(300)));
		OutgoingPool<GenericWorkers> pool = pool(options);
		for (int i = 0; i < 4; i++) {
			assertThatThrownBy(() -> pool.call(w -> {
				throw new IllegalStateException("server down");
			})).isInstanceOf(IllegalStateException.class);
		}
		assertThat(pool.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThatThrownBy(() -> pool.call(w -> "not attempted")).isInstanceOf(PoolUnavailableException.class)
			.hasMessageContaining("circuit open");
		assertThat(this.meters.get("meridian.pool.rejected").counter().count()).isEqualTo(1);

		await().atMost(Duration.ofSeconds(5))
			.ignoreException(PoolUnavailableException.class)
			.untilAsserted(() -> assertThat(pool.<String>call(w -> "back")).isEqualTo("back"));
		assertThat(pool.circuitState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
		pool.call(w -> "again");
		assertThat(pool.<String>call(w -> "closed")).isEqualTo("closed");
		assertThat(pool.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	private CompletableFuture<Object> occupy(OutgoingPool<GenericWorkers> pool, Object key) {
		return pool.submit(key, w -> this.release.await(10, TimeUnit.SECONDS));
	}

	private double busyWorkers() {
		return this.meters.get("meridian.pool.workers.busy").gauge().value();
	}

	private OutgoingPool<GenericWorkers> pool(int workers, WorkerStrategy strategy, Duration callTimeout) {
		return pool(new PoolOptions(workers, strategy, callTimeout, PoolOptions.CircuitBreakerOptions.defaults()));
	}

	private OutgoingPool<GenericWorkers> pool(PoolOptions options) {
		OutgoingPool<GenericWorkers> pool = new OutgoingPool<>(new PoolKey(PoolType.GENERIC, "global", "default"), new GenericWorkers(),
				new GenericWorkers.Factory(), options, this.meters);
		this.pools.add(pool);
		return pool;
	}

}
