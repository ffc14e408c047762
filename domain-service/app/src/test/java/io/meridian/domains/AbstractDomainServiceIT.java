package io.meridian.domains;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.meridian.domains.api.DomainError;
import io.meridian.domains.api.DomainRefusedException;
import io.meridian.domains.api.DomainServiceClient;
import io.meridian.domains.api.v1.Domain;
import io.meridian.domains.api.v1.DomainChange;
import io.meridian.domains.api.v1.DomainEvent;
import io.meridian.domains.api.v1.EventsAfterResponse;
import io.meridian.domains.api.v1.ListDomainsResponse;
import io.meridian.domains.service.EventCleanup;
import io.meridian.pool.OutgoingPools;
import io.meridian.pool.PoolType;
import io.meridian.pool.RdbmsClient;
import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * domain-service as its callers see it: the api module's client over a real gRPC channel,
 * domains in a real database (each subclass names one), nudges through a real Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.grpc.server.port=0",
				"meridian.domains.host-types=type1,type2,paged", "meridian.domains.static[static.example]=type-static" })
@DirtiesContext
abstract class AbstractDomainServiceIT {

	private static final AtomicInteger names = new AtomicInteger();

	/** The real Redis, on a channel of the test class's own: runs sharing the server do not nudge each other. */
	static void redis(DynamicPropertyRegistry registry) {
		Endpoint redis = RealServers.locate(RealServer.REDIS);
		registry.add("meridian.domains.redis.host", redis::host);
		registry.add("meridian.domains.redis.port", redis::port);
		String channel = "meridian:domains:it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
		registry.add("meridian.domains.redis.channel", () -> channel);
	}

	@Value("${meridian.domains.redis.channel}")
	String nudgeChannel;

	@Autowired
	GrpcServerLifecycle grpcServer;

	@Autowired
	OutgoingPools pools;

	@Autowired
	EventCleanup cleanup;

	private ManagedChannel channel;

	private DomainServiceClient client;

	@BeforeEach
	void connect() {
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.grpcServer.getPort()).usePlaintext().build();
		this.client = new DomainServiceClient(this.channel, Duration.ofSeconds(30));
	}

	@AfterEach
	void disconnect() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void anAddedDomainIsEnabledAndAddingItAgainChangesNothing() {
		String domain = name("add");
		DomainChange added = this.client.add(domain, "type1");
		assertThat(added.getChanged()).isTrue();
		assertThat(added.getEventId()).isPositive();
		assertThat(added.getDomain().getDomain()).isEqualTo(domain);
		assertThat(added.getDomain().getHostType()).isEqualTo("type1");
		assertThat(added.getDomain().getEnabled()).isTrue();
		assertThat(added.getDomain().getStaticDomain()).isFalse();
		assertThat(this.client.get(domain)).contains(added.getDomain());

		DomainChange again = this.client.add(domain.toUpperCase(java.util.Locale.ROOT) + ".", "type1");
		assertThat(again.getChanged()).isFalse();
		assertThat(again.getEventId()).isZero();
		assertThat(again.getDomain()).isEqualTo(added.getDomain());
		assertThat(eventRows(domain)).as("one event per change, none per no-op").isEqualTo(1);
		assertThat(settingsRows(domain)).isEqualTo(1);
	}

	@Test
	void internationalNamesAreStoredInTheirCanonicalForm() {
		String domain = "bücher-" + names.incrementAndGet() + ".it.example";
		DomainChange added = this.client.add(domain.toUpperCase(java.util.Locale.ROOT), "type1");
		assertThat(added.getDomain().getDomain()).isEqualTo(domain);
		assertThat(this.client.get(java.net.IDN.toASCII(domain))).map(Domain::getDomain).contains(domain);
	}

	@Test
	void aDomainBoundToAnotherHostTypeIsRefusedWithAlreadyExists() {
		String domain = name("conflict");
		this.client.add(domain, "type1");
		DomainRefusedException refused = refusal(() -> this.client.add(domain, "type2"));
		assertThat(code(refused)).isEqualTo(Status.Code.ALREADY_EXISTS);
		assertThat(refused.error()).isEqualTo(DomainError.HOST_TYPE_CONFLICT);
		assertThat(refused.domain()).isEqualTo(domain);
		assertThat(refused.metadata()).containsEntry("host_type", "type2").containsEntry("bound_host_type", "type1");
		assertThat(refused.getMessage()).contains("bound to host type 'type1'");
		assertThat(this.client.get(domain)).map(Domain::getHostType).contains("type1");
		assertThat(eventRows(domain)).isEqualTo(1);
	}

	@Test
	void anUnknownHostTypeIsRefusedWithPermissionDenied() {
		String domain = name("unknown-type");
		DomainRefusedException refused = refusal(() -> this.client.add(domain, "type9"));
		assertThat(code(refused)).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(refused.error()).isEqualTo(DomainError.UNKNOWN_HOST_TYPE);
		assertThat(refused.metadata()).containsEntry("host_type", "type9");
		assertThat(this.client.get(domain)).isEmpty();
		assertThat(eventRows(domain)).isZero();
	}

	@Test
	void aStaticDomainIsReadableButEveryChangeIsRefusedWithFailedPrecondition() {
		List<ThrowingCallable> changes = List.of(() -> this.client.add("static.example", "type-static"),
				() -> this.client.add("Static.Example", "type1"), () -> this.client.remove("static.example"),
				() -> this.client.enable("static.example"), () -> this.client.disable("static.example."));
		for (ThrowingCallable change : changes) {
			DomainRefusedException refused = refusal(change);
			assertThat(code(refused)).isEqualTo(Status.Code.FAILED_PRECONDITION);
			assertThat(refused.error()).isEqualTo(DomainError.STATIC_DOMAIN);
			assertThat(refused.domain()).isEqualTo("static.example");
		}
		Domain staticDomain = this.client.get("STATIC.example").orElseThrow();
		assertThat(staticDomain.getStaticDomain()).isTrue();
		assertThat(staticDomain.getHostType()).isEqualTo("type-static");
		assertThat(staticDomain.getEnabled()).isTrue();
		assertThat(settingsRows("static.example")).isZero();
		assertThat(eventRows("static.example")).isZero();
	}

	@Test
	void invalidNamesAreRefusedWithInvalidArgumentAndTheReason() {
		for (String invalid : List.of("bad_name.example", "a..b", "-lead.example", "a".repeat(64) + ".example", "")) {
			DomainRefusedException refused = refusal(() -> this.client.add(invalid, "type1"));
			assertThat(code(refused)).isEqualTo(Status.Code.INVALID_ARGUMENT);
			assertThat(refused.error()).isEqualTo(DomainError.INVALID_DOMAIN_NAME);
			assertThat(refused.domain()).isEqualTo(invalid);
			assertThat(refused.getMessage()).startsWith("'" + invalid + "' is not a valid domain: ");
		}
		DomainRefusedException lookup = refusal(() -> this.client.get("bad_name.example"));
		assertThat(code(lookup)).isEqualTo(Status.Code.INVALID_ARGUMENT);
	}

	@Test
	void disableAndEnableAreIdempotentAndEachChangeWritesOneEvent() {
		String domain = name("toggle");
		this.client.add(domain, "type1");
		assertThat(this.client.enable(domain).getChanged()).as("enabled by default").isFalse();

		DomainChange disabled = this.client.disable(domain);
		assertThat(disabled.getChanged()).isTrue();
		assertThat(disabled.getDomain().getEnabled()).isFalse();
		assertThat(this.client.disable(domain).getChanged()).isFalse();
		assertThat(this.client.get(domain)).map(Domain::getEnabled).contains(false);
		assertThat(this.client.add(domain, "type1").getDomain().getEnabled()).as("add keeps the state").isFalse();

		DomainChange enabled = this.client.enable(domain);
		assertThat(enabled.getChanged()).isTrue();
		assertThat(enabled.getDomain().getId()).as("the id stays").isEqualTo(disabled.getDomain().getId());
		assertThat(this.client.get(domain)).map(Domain::getEnabled).contains(true);
		assertThat(eventRows(domain)).isEqualTo(3);
	}

	@Test
	void enablingOrDisablingAnUnknownDomainIsNotFound() {
		String domain = name("missing");
		for (ThrowingCallable call : List.<ThrowingCallable>of(() -> this.client.enable(domain), () -> this.client.disable(domain))) {
			DomainRefusedException refused = refusal(call);
			assertThat(code(refused)).isEqualTo(Status.Code.NOT_FOUND);
			assertThat(refused.error()).isEqualTo(DomainError.DOMAIN_NOT_FOUND);
		}
		assertThat(this.client.get(domain)).isEmpty();
	}

	@Test
	void removeIsIdempotentAndTheDomainMayComeBackWithAnotherHostType() {
		String domain = name("remove");
		this.client.add(domain, "type1");
		DomainChange removed = this.client.remove(domain);
		assertThat(removed.getChanged()).isTrue();
		assertThat(removed.getDomain().getHostType()).isEqualTo("type1");
		assertThat(this.client.get(domain)).isEmpty();

		DomainChange again = this.client.remove(domain);
		assertThat(again.getChanged()).isFalse();
		assertThat(again.hasDomain()).isFalse();
		assertThat(eventRows(domain)).isEqualTo(2);
		assertThat(settingsRows(domain)).isZero();

		assertThat(this.client.add(domain, "type2").getDomain().getHostType()).isEqualTo("type2");
	}

	@Test
	void listPagesByIdPerHostTypeAndLeavesDisabledDomainsOutWhenAsked() {
		List<String> added = List.of(name("page"), name("page"), name("page"), name("page"), name("page"));
		added.forEach(d -> this.client.add(d, "paged"));
		this.client.disable(added.get(2));

		ListDomainsResponse first = this.client.list("paged", false, 0, 2);
		ListDomainsResponse second = this.client.list("paged", false, first.getDomains(1).getId(), 2);
		ListDomainsResponse third = this.client.list("paged", false, second.getDomains(1).getId(), 2);
		assertThat(first.getHasMore()).isTrue();
		assertThat(second.getHasMore()).isTrue();
		assertThat(third.getHasMore()).isFalse();
		assertThat(domains(first, second, third)).containsExactlyElementsOf(added);
		assertThat(third.getDomains(0).getEnabled()).isTrue();
		assertThat(second.getDomains(0).getEnabled()).isFalse();

		ListDomainsResponse enabled = this.client.list("paged", true, 0, 100);
		assertThat(domains(enabled)).containsExactly(added.get(0), added.get(1), added.get(3), added.get(4));
		assertThat(enabled.getHasMore()).isFalse();

		assertThat(this.client.list("type9", false, 0, 0).getDomainsList()).isEmpty();
		DomainRefusedException refused = refusal(() -> this.client.list(null, false, -1, 10));
		assertThat(code(refused)).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(refused.error()).isEqualTo(DomainError.INVALID_REQUEST);
	}

	@Test
	void aFollowerLoadsTheEnabledDomainsAndThenMissesNoChange() {
		String kept = name("follow");
		String disabled = name("follow");
		this.client.add(kept, "type1");
		this.client.add(disabled, "type1");
		this.client.disable(disabled);

		DomainServiceClient.EnabledDomains loaded = this.client.loadEnabled(3);
		assertThat(loaded.domains()).extracting(Domain::getDomain).contains(kept).doesNotContain(disabled);
		assertThat(loaded.domains()).extracting(Domain::getId).isSorted();
		assertThat(loaded.lastEventId()).isEqualTo(this.client.eventsAfter(0, 1).getLastEventId());

		String later = name("follow");
		long addedEvent = this.client.add(later, "type2").getEventId();
		assertThat(this.client.eventsAfter(loaded.lastEventId(), 100).getEventsList()).extracting(DomainEvent::getId, DomainEvent::getDomain)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(addedEvent, later));
	}

	@Test
	void eventsAfterAnIdListEachChangeInOrderWithItsTime() {
		long before = this.client.eventsAfter(0, 1).getLastEventId();
		String domain = name("events");
		long added = this.client.add(domain, "type1").getEventId();
		this.client.add(domain, "type1");
		long disabled = this.client.disable(domain).getEventId();
		this.client.disable(domain);
		long enabled = this.client.enable(domain).getEventId();
		long removed = this.client.remove(domain).getEventId();
		this.client.remove(domain);

		EventsAfterResponse events = this.client.eventsAfter(before, 100);
		assertThat(events.getEventsList()).extracting(DomainEvent::getId).containsExactly(added, disabled, enabled, removed);
		assertThat(events.getEventsList()).extracting(DomainEvent::getDomain).containsOnly(domain);
		assertThat(events.getEventsList()).allSatisfy(e -> assertThat(e.hasTime()).isTrue());
		assertThat(events.getLastEventId()).isEqualTo(removed);
		assertThat(events.getOldestEventId()).isPositive().isLessThanOrEqualTo(added);

		assertThat(this.client.eventsAfter(before, 2).getEventsList()).extracting(DomainEvent::getId).containsExactly(added, disabled);
		assertThat(this.client.eventsAfter(removed, 100).getEventsList()).isEmpty();
	}

	@Test
	void aChangeAndItsEventCommitTogetherOrNotAtAll() {
		String poisoned = name("poison");
		jdbc().execute("alter table domain_events add constraint it_poison check (domain <> '" + poisoned + "')");
		try {
			StatusRuntimeException failed = catchThrowableOfType(StatusRuntimeException.class, () -> this.client.add(poisoned, "type1"));
			assertThat(failed.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
		}
		finally {
			jdbc().execute("alter table domain_events drop constraint it_poison");
		}
		assertThat(settingsRows(poisoned)).as("the settings row rolled back with its event").isZero();
		assertThat(this.client.get(poisoned)).isEmpty();
		assertThat(this.client.add(poisoned, "type1").getChanged()).isTrue();
		assertThat(eventRows(poisoned)).isEqualTo(1);
	}

	@Test
	void eachCommittedChangeIsNudgedOnRedisWithItsEventId() throws Exception {
		Endpoint redis = RealServers.locate(RealServer.REDIS);
		RedisClient redisClient = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		try (StatefulRedisPubSubConnection<String, String> subscriber = redisClient.connectPubSub()) {
			BlockingQueue<String> received = new LinkedBlockingQueue<>();
			subscriber.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					received.add(message);
				}
			});
			subscriber.sync().subscribe(this.nudgeChannel);

			DomainChange added = this.client.add(name("nudge"), "type1");
			awaitNudge(received, added.getEventId());
			DomainChange disabled = this.client.disable(added.getDomain().getDomain());
			awaitNudge(received, disabled.getEventId());
		}
		finally {
			redisClient.shutdown();
		}
	}

	@Test
	void theCleanupDeletesOldEventsButAlwaysKeepsTheNewest() {
		this.client.add(name("recent"), "type1");
		long recent = this.client.eventsAfter(0, 1).getLastEventId();
		long oldest = insertEvent("old-1.example", Instant.parse("2001-01-01T00:00:00Z"));
		long newestButOld = insertEvent("old-2.example", Instant.parse("2001-01-02T00:00:00Z"));

		assertThat(this.cleanup.runOnce()).isEqualTo(1);
		assertThat(eventIds()).doesNotContain(oldest).contains(recent, newestButOld);
		EventsAfterResponse log = this.client.eventsAfter(0, 1000);
		assertThat(log.getLastEventId()).isEqualTo(newestButOld);
		assertThat(log.getEventsList()).extracting(DomainEvent::getId).doesNotContain(oldest);

		long next = this.client.add(name("recent"), "type1").getEventId();
		assertThat(this.cleanup.runOnce()).isEqualTo(1);
		assertThat(eventIds()).doesNotContain(newestButOld).contains(recent, next);
	}

	/** Waits for the nudge of an event; nudges of earlier tests' changes may still arrive first. */
	private static void awaitNudge(BlockingQueue<String> received, long eventId) throws InterruptedException {
		String expected = Long.toString(eventId);
		List<String> seen = new java.util.ArrayList<>();
		while (!seen.contains(expected)) {
			String message = received.poll(30, TimeUnit.SECONDS);
			assertThat(message).as("nudge for event %s, seen %s", eventId, seen).isNotNull();
			assertThat(Long.parseLong(message)).as("nudges carry event ids up to the newest").isLessThanOrEqualTo(eventId);
			seen.add(message);
		}
	}

	private static String name(String prefix) {
		return prefix + "-" + names.incrementAndGet() + ".it.example";
	}

	private static DomainRefusedException refusal(ThrowingCallable call) {
		DomainRefusedException refused = catchThrowableOfType(DomainRefusedException.class, call);
		assertThat(refused).as("refused").isNotNull();
		return refused;
	}

	private static Status.Code code(DomainRefusedException refused) {
		return ((StatusRuntimeException) refused.getCause()).getStatus().getCode();
	}

	private static List<String> domains(ListDomainsResponse... pages) {
		return java.util.Arrays.stream(pages).flatMap(p -> p.getDomainsList().stream()).map(Domain::getDomain).toList();
	}

	private JdbcTemplate jdbc() {
		return this.pools.<RdbmsClient>get(PoolType.RDBMS).client().jdbc();
	}

	private int settingsRows(String domain) {
		return jdbc().queryForObject("select count(*) from domain_settings where domain = ?", Integer.class, domain);
	}

	private int eventRows(String domain) {
		return jdbc().queryForObject("select count(*) from domain_events where domain = ?", Integer.class, domain);
	}

	/** An event as an older domain-service would have left it. */
	private long insertEvent(String domain, Instant time) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc().update(connection -> {
			PreparedStatement insert = connection.prepareStatement("insert into domain_events (domain, time) values (?, ?)",
					new String[] { "id" });
			insert.setString(1, domain);
			insert.setTimestamp(2, Timestamp.from(time));
			return insert;
		}, key);
		return key.getKey().longValue();
	}

	private List<Long> eventIds() {
		return jdbc().queryForList("select id from domain_events order by id", Long.class);
	}

}
