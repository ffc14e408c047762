package io.meridian.pool;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees when a pool entry is wrong: the entry, the key and the fix. */
class PoolConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class));

	@Test
	void noPoolsConfiguredGivesAnEmptyRegistry() {
		this.runner.run(context -> assertThat(context.getBean(OutgoingPools.class).all()).isEmpty());
	}

	@Test
	void riakIsRejectedAsDeadUpstream() {
		failsWith("meridian.outgoing-pools[0].type: 'riak' is not supported: Riak KV is no longer maintained upstream",
				"meridian.outgoing-pools[0].type=riak");
	}

	@Test
	void anUnknownTypeListsTheKnownOnes() {
		failsWith("meridian.outgoing-pools[0].type: unknown type 'mongo', expected one of rdbms, redis, cassandra, http, rabbit, ldap, elastic, generic",
				"meridian.outgoing-pools[0].type=mongo");
	}

	@Test
	void aMissingTypeIsNamed() {
		failsWith("meridian.outgoing-pools[0].type: 'type' is required", "meridian.outgoing-pools[0].host=global");
	}

	@Test
	void anUnknownKeyIsNamedWithTheKnownOnes() {
		failsWith("meridian.outgoing-pools[1].pool.wrokers: unknown key; expected one of workers, strategy, call-timeout, circuit-breaker",
				"meridian.outgoing-pools[0].type=generic", "meridian.outgoing-pools[1].type=generic",
				"meridian.outgoing-pools[1].tag=other", "meridian.outgoing-pools[1].pool.wrokers=4");
	}

	@Test
	void anUnknownConnectionKeyIsNamed() {
		failsWith("meridian.outgoing-pools[0].connection.host: unknown key", "meridian.outgoing-pools[0].type=generic",
				"meridian.outgoing-pools[0].connection.host=db");
	}

	@Test
	void zeroWorkersIsRefusedWithTheProperty() {
		failsWith("meridian.outgoing-pools[0].pool", "meridian.outgoing-pools[0].type=generic",
				"meridian.outgoing-pools[0].pool.workers=0");
		this.runner.withPropertyValues("meridian.outgoing-pools[0].type=generic", "meridian.outgoing-pools[0].pool.workers=0")
			.run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("workers must be at least 1, was 0"));
	}

	@Test
	void anUnknownStrategyIsRefusedWithTheProperty() {
		failsWith("meridian.outgoing-pools[0].pool.strategy", "meridian.outgoing-pools[0].type=generic",
				"meridian.outgoing-pools[0].pool.strategy=fastest_worker");
	}

	@Test
	void theSamePoolTwiceAsksForATag() {
		failsWith("meridian.outgoing-pools[1] (generic, global, default) is configured twice; give one of them another 'tag'",
				"meridian.outgoing-pools[0].type=generic", "meridian.outgoing-pools[1].type=generic");
	}

	@Test
	void optionsBindFromRelaxedNamesWithMongooseImDefaults() {
		this.runner
			.withPropertyValues("meridian.outgoing-pools[0].type=generic", "meridian.outgoing-pools[0].tag=push",
					"meridian.outgoing-pools[0].pool.workers=3", "meridian.outgoing-pools[0].pool.strategy=next_worker",
					"meridian.outgoing-pools[0].pool.call_timeout=250ms")
			.run(context -> {
				OutgoingPool<GenericWorkers> pool = context.getBean(OutgoingPools.class).get(PoolType.GENERIC, "global", "push");
				assertThat(pool.options().workers()).isEqualTo(3);
				assertThat(pool.options().strategy()).isEqualTo(WorkerStrategy.NEXT_WORKER);
				assertThat(pool.options().callTimeout()).hasMillis(250);
				assertThat(pool.options().circuitBreaker().failureRateThreshold()).isEqualTo(50f);
			});
		this.runner.withPropertyValues("meridian.outgoing-pools[0].type=generic").run(context -> {
			PoolOptions options = context.getBean(OutgoingPools.class).get(PoolType.GENERIC).options();
			assertThat(options.workers()).isEqualTo(10);
			assertThat(options.strategy()).isEqualTo(WorkerStrategy.BEST_WORKER);
			assertThat(options.callTimeout()).hasSeconds(5);
		});
	}

	private void failsWith(String message, String... properties) {
		this.runner.withPropertyValues(properties).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(Exception.class);
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof PoolConfigurationException)) {
				failure = failure.getCause();
			}
			assertThat(failure).as("a PoolConfigurationException").isNotNull();
			assertThat(failure.getMessage()).contains(message);
		});
	}

}
