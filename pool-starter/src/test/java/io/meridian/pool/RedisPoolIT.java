package io.meridian.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** redis pools against a real Redis: commands, connections, credentials, timeouts and outages. */
class RedisPoolIT {

	private static final Endpoint redis = RealServers.locate(RealServer.REDIS);

	private static RedisClient observerClient;

	/** A connection of the test's own, to look at the server from outside the pool. */
	private static RedisCommands<String, String> observer;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	private final String tag = "it-" + UUID.randomUUID().toString().substring(0, 8);

	private final String key = "meridian-it:redis:" + this.tag;

	@BeforeAll
	static void connectObserver() {
		observerClient = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		observer = observerClient.connect().sync();
	}

	@AfterAll
	static void closeObserver() {
		observerClient.shutdown();
	}

	@Test
	void commandsGoToTheServer() {
		this.runner.withPropertyValues(pool()).run(context -> {
			OutgoingPool<RedisPoolClient> pool = pool(context);
			pool.call(r -> r.commands().set(this.key, "online"));
			assertThat(observer.get(this.key)).isEqualTo("online");
			assertThat(pool.<String>call(r -> r.commands().get(this.key))).isEqualTo("online");
			observer.del(this.key);
		});
	}

	@Test
	void eachWorkerHoldsOneConnectionNamedAfterThePoolUntilTheContextCloses() {
		this.runner.withPropertyValues(pool("pool.workers=3")).run(context -> {
			await().untilAsserted(() -> assertThat(connections("redis-global-" + this.tag)).hasSize(3));
		});
		await().untilAsserted(() -> assertThat(connections("redis-global-" + this.tag)).isEmpty());
	}

	@Test
	void asyncCommandsGoOutAsOnePipeline() {
		this.runner.withPropertyValues(pool()).run(context -> {
			String counted = pool(context).call(r -> {
				var async = r.async();
				List<RedisFuture<Long>> increments = new ArrayList<>();
				for (int i = 0; i < 100; i++) {
					increments.add(async.incr(this.key));
				}
				LettuceFutures.awaitAll(Duration.ofSeconds(5), increments.toArray(RedisFuture[]::new));
				return async.get(this.key).get();
			});
			assertThat(counted).isEqualTo("100");
			observer.del(this.key);
		});
	}

	@Test
	void everyConnectionUsesTheConfiguredDatabase() {
		this.runner.withPropertyValues(pool("pool.workers=2", "connection.database=7")).run(context -> {
			pool(context).call(r -> r.commands().set(this.key, "in seven"));
			await().untilAsserted(() -> assertThat(connections("redis-global-" + this.tag)).hasSize(2).allMatch(c -> c.contains(" db=7 ")));
			assertThat(observer.get(this.key)).isNull();
			try (StatefulRedisConnection<String, String> seven = observerClient
				.connect(RedisURI.builder().withHost(redis.host()).withPort(redis.port()).withDatabase(7).build())) {
				assertThat(seven.sync().get(this.key)).isEqualTo("in seven");
				seven.sync().del(this.key);
			}
		});
	}

	@Test
	void anAclUserLogsInWithItsPassword() {
		String user = "meridian-" + this.tag;
		observer.aclSetuser(user, io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("pw-" + this.tag).allKeys().allCommands());
		try {
			this.runner.withPropertyValues(pool("connection.username=" + user, "connection.password=pw-" + this.tag))
				.run(context -> assertThat(pool(context).<String>call(r -> r.commands().aclWhoami())).isEqualTo(user));
			this.runner.withPropertyValues(pool("connection.username=" + user, "connection.password=wrong", "required=true"))
				.run(context -> assertThat(context).getFailure()
					.hasMessageContaining("meridian.outgoing-pools[0] (redis, global, " + this.tag + ") is required but its server does not answer")
					.hasMessageContaining("WRONGPASS"));
		}
		finally {
			observer.aclDeluser(user);
		}
	}

	@Test
	void aDatabaseTheServerLacksStopsARequiredPool() {
		this.runner.withPropertyValues(pool("connection.database=999", "required=true"))
			.run(context -> assertThat(context).getFailure()
				.hasMessageContaining("(redis, global, " + this.tag + ") is required but its server does not answer")
				.hasMessageContaining("DB index is out of range"));
	}

	@Test
	void aCallOverTheCallTimeoutFailsAsATimeoutAndThePoolCarriesOn() {
		this.runner.withPropertyValues(pool("pool.workers=1", "pool.call-timeout=300ms")).run(context -> {
			OutgoingPool<RedisPoolClient> pool = pool(context);
			// A blocking pop on an empty list stands in for a server that is slow to answer.
			assertThatThrownBy(() -> pool.call(r -> r.commands().blpop(2, this.key)))
				.isInstanceOf(PoolCallTimeoutException.class)
				.hasMessageContaining("(redis, global, " + this.tag + "): call exceeded call-timeout 300 ms");
			assertThat(context.getBean(SimpleMeterRegistry.class).get("meridian.pool.timeouts").counter().count()).isEqualTo(1);
			await().ignoreExceptions().untilAsserted(() -> assertThat(pool.<String>call(r -> r.commands().ping())).isEqualTo("PONG"));
		});
	}

	@Test
	void aPoolWhoseServerIsDownStartsAndConnectsOnceItIsUp() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.to(redis)) {
			this.runner.withPropertyValues(pool(proxy, "pool.circuit-breaker.wait-in-open=100ms")).run(context -> {
				assertThat(context).hasNotFailed();
				OutgoingPool<RedisPoolClient> pool = pool(context);
				assertThatThrownBy(() -> pool.call(r -> r.commands().ping())).isInstanceOf(RedisConnectionException.class)
					.hasMessageContaining("Unable to connect to 127.0.0.1:" + proxy.port() + ": ")
					.hasMessageContaining("Connection refused");
				assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);

				proxy.start();
				await().ignoreExceptions().untilAsserted(() -> assertThat(pool.<String>call(r -> r.commands().ping())).isEqualTo("PONG"));
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			});
		}
	}

	@Test
	void aRequiredPoolWhoseServerIsDownStopsTheStartSayingWhatToDo() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.to(redis)) {
			this.runner.withPropertyValues(pool(proxy, "required=true"))
				.run(context -> assertThat(context).getFailure()
					.hasMessageContaining("meridian.outgoing-pools[0] (redis, global, " + this.tag + ") is required but its server does not answer")
					.hasMessageContaining("Unable to connect to 127.0.0.1:" + proxy.port() + ": ")
					.hasMessageContaining("Connection refused")
					.hasMessageContaining("set 'required: false' to start without it"));
		}
	}

	@Test
	void whileTheServerIsAwayCallsFailAtOnceAndResumeWhenItIsBack() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.to(redis).start()) {
			this.runner.withPropertyValues(pool(proxy, "pool.workers=2", "pool.call-timeout=10s",
					"pool.circuit-breaker.wait-in-open=100ms")).run(context -> {
				OutgoingPool<RedisPoolClient> pool = pool(context);
				assertThat(pool.<String>call(r -> r.commands().ping())).isEqualTo("PONG");

				proxy.stop();
				// Rejected while reconnecting, not left waiting for the 10s call-timeout.
				await().untilAsserted(() -> assertThatThrownBy(() -> pool.call(r -> r.commands().ping()))
					.isInstanceOf(RedisException.class)
					.hasMessageContaining("not connected"));

				proxy.start();
				await().ignoreExceptions().untilAsserted(() -> assertThat(pool.<String>call(r -> r.commands().ping())).isEqualTo("PONG"));
				await().untilAsserted(() -> assertThat(connections("redis-global-" + this.tag)).hasSize(2));
			});
		}
	}

	@Test
	void healthReportsThePoolWithItsWorkersAndCircuit() {
		this.runner.withPropertyValues(pool("pool.workers=2", "pool.strategy=next_worker")).run(context -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("workers", 2)
				.containsEntry("strategy", "next_worker")
				.containsEntry("circuit", "closed");
		});
	}

	@Test
	void hostPoolsGetConnectionsOfTheirOwnPerDomainUntilItIsRemoved() {
		this.runner.withPropertyValues(pool("host=host", "pool.workers=1"))
			.withPropertyValues("meridian.hosts=a.example,b.example")
			.run(context -> {
				OutgoingPools pools = context.getBean(OutgoingPools.class);
				OutgoingPool<RedisPoolClient> a = pools.get(PoolType.REDIS, "a.example", this.tag);
				OutgoingPool<RedisPoolClient> b = pools.get(PoolType.REDIS, "b.example", this.tag);
				assertThat(a).isNotSameAs(b);
				assertThat(a.<String>call(r -> r.commands().ping())).isEqualTo("PONG");
				await().untilAsserted(() -> assertThat(connectionsOfThisTest()).hasSize(2));
				pools.hostRemoved("b.example");
				await().untilAsserted(() -> assertThat(connectionsOfThisTest()).hasSize(1));
				assertThat(a.<String>call(r -> r.commands().ping())).isEqualTo("PONG");
			});
	}

	private String[] pool(String... extra) {
		return pool(redis.host(), redis.port(), extra);
	}

	private String[] pool(ForwardingProxy proxy, String... extra) {
		return pool("127.0.0.1", proxy.port(), extra);
	}

	private String[] pool(String host, int port, String... extra) {
		Stream<String> base = Stream.of("type=redis", "tag=" + this.tag, "connection.host=" + host, "connection.port=" + port);
		return Stream.concat(base, Arrays.stream(extra)).map(p -> "meridian.outgoing-pools[0]." + p).toArray(String[]::new);
	}

	private OutgoingPool<RedisPoolClient> pool(AssertableApplicationContext context) {
		return context.getBean(OutgoingPools.class).get(PoolType.REDIS, "global", this.tag);
	}

	private Health health(AssertableApplicationContext context) {
		return ((HealthIndicator) context.getBean(OutgoingPoolsHealthContributor.class).getContributor("redis-global-" + this.tag)).health();
	}

	private List<String> connectionsOfThisTest() {
		return observer.clientList().lines().filter(line -> line.matches(".* name=\\S+-" + this.tag + " .*")).toList();
	}

	/** The server's CLIENT LIST lines of the connections with this name. */
	private static List<String> connections(String name) {
		return observer.clientList().lines().filter(line -> line.contains(" name=" + name + " ")).toList();
	}

}
