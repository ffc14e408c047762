package io.meridian.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import io.meridian.domains.api.DomainServiceClient;
import io.meridian.domains.api.v1.DomainEvent;
import io.meridian.gateway.domain.DomainFollower;
import io.meridian.testsupport.PrivateRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dynamic domains through outages, with both gateway nodes nudged through Redis as in
 * production: Redis killed while domains change (the nodes catch up by polling, and are nudged
 * again once it is back), and domain-service restarted between changes (nothing is lost, the
 * event log goes on). Redis here is a private redis-server the test may kill; the shared one
 * is never touched.
 */
class DomainOutagesIT {

	private static PrivateRedis redis;

	private static DomainsCluster cluster;

	private static List<ConfigurableApplicationContext> nodes;

	private static DomainServiceClient domains;

	@BeforeAll
	static void start() {
		redis = PrivateRedis.start(Path.of("target", "domain-outages-it", "redis.log"));
		cluster = new DomainsCluster("domain-outages-it");
		cluster.startDomainService(redis.endpoint());
		nodes = List.of(cluster.startNode("a", redis.endpoint()), cluster.startNode("b", redis.endpoint()));
		domains = cluster.domains();
	}

	@AfterAll
	static void stop() throws Exception {
		if (cluster != null) {
			cluster.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void withRedisDownTheNodesCatchUpByPollingAndAreNudgedAgainOnceItIsBack() {
		awaitSubscribedNodes(2);
		String kept = add("kept");
		String disabled = add("disabled");
		String removed = add("removed");
		cluster.awaitServed(true, kept, disabled, removed);
		double failedBefore = nudges("failed");

		redis.kill();
		String addedWhileDown = add("added-while-down");
		domains.disable(disabled);
		domains.remove(removed);
		cluster.awaitServed(true, kept, addedWhileDown);
		cluster.awaitServed(false, disabled, removed);
		// Not one of those changes could be nudged: the nodes found them by polling.
		await().atMost(DomainsCluster.CONVERGED).until(() -> nudges("failed") > failedBefore);

		redis.restart();
		awaitSubscribedNodes(2);
		double sentBefore = nudges("sent");
		domains.enable(disabled);
		// domain-service reconnects with a back-off; each change in the meantime is found by polling.
		List<String> addedOnceBack = new ArrayList<>();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			addedOnceBack.add(add("back"));
			return nudges("sent") > sentBefore;
		});
		cluster.awaitServed(true, kept, addedWhileDown, disabled);
		cluster.awaitServed(true, addedOnceBack.toArray(String[]::new));
		cluster.awaitServed(false, removed);
	}

	@Test
	void changesAroundARestartOfDomainServiceAreAllFollowed() {
		String early = add("early");
		String other = add("other");
		cluster.awaitServed(true, early, other);
		// Made just before the stop: the nodes may or may not have read them when domain-service goes away.
		String late = name("late");
		List<Long> ids = new ArrayList<>();
		ids.add(domains.disable(early).getEventId());
		ids.add(domains.add(late, DomainsCluster.HOST_TYPE).getEventId());

		cluster.stopDomainService();
		// The nodes keep serving what they have while their polls fail.
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> cluster.assertServed(true, other));

		cluster.startDomainService(redis.endpoint());
		String after = name("after");
		ids.add(domains.add(after, DomainsCluster.HOST_TYPE).getEventId());
		ids.add(domains.remove(other).getEventId());
		ids.add(domains.enable(early).getEventId());

		cluster.awaitServed(true, early, late, after);
		cluster.awaitServed(false, other);
		assertThat(ids).as("event ids go on after the restart").isSorted().doesNotHaveDuplicates();
		assertThat(domains.eventsAfter(ids.get(0) - 1, 100).getEventsList()).extracting(DomainEvent::getId)
			.as("every change is in the log").containsAll(ids);
		long last = ids.get(ids.size() - 1);
		await().atMost(DomainsCluster.CONVERGED)
			.untilAsserted(() -> nodes.forEach(node -> assertThat(node.getBean(DomainFollower.class).position()).isGreaterThanOrEqualTo(last)));
	}

	private static String add(String prefix) {
		String domain = name(prefix);
		domains.add(domain, DomainsCluster.HOST_TYPE);
		return domain;
	}

	private static String name(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
	}

	/** Nudges domain-service published (sent) or Redis did not take (failed). */
	private static double nudges(String outcome) {
		return cluster.domainService().getBean(MeterRegistry.class).counter("meridian.domains.nudges", "outcome", outcome).count();
	}

	/** Waits until that many connections are subscribed to the nudge channel, as Redis itself counts them. */
	private static void awaitSubscribedNodes(long count) {
		RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(redis.port()).withTimeout(Duration.ofSeconds(5)).build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(connection.sync().pubsubNumsub(cluster.nudgeChannel())).containsEntry(cluster.nudgeChannel(), count));
		}
		finally {
			client.shutdown();
		}
	}

}
