package io.meridian.gateway.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.meridian.domains.api.DomainServiceClient;
import io.meridian.domains.api.v1.Domain;
import io.meridian.domains.api.v1.DomainEvent;
import io.meridian.domains.api.v1.DomainsGrpc;
import io.meridian.domains.api.v1.EventsAfterRequest;
import io.meridian.domains.api.v1.EventsAfterResponse;
import io.meridian.domains.api.v1.GetDomainRequest;
import io.meridian.domains.api.v1.ListDomainsRequest;
import io.meridian.domains.api.v1.ListDomainsResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The follower's own logic — loading, applying, gaps, reloads — against a scripted event log
 * served over a real gRPC channel. The real domain-service behind it is tested in its module.
 */
class DomainFollowerTest {

	private final ScriptedLog log = new ScriptedLog();

	private final MutableClock clock = new MutableClock();

	private final DomainTable table = new DomainTable(Map.of("localhost", "localhost"), List.of("tenants"));

	private final List<String> changes = new ArrayList<>();

	private Server server;

	private ManagedChannel channel;

	private DomainFollower follower;

	@BeforeEach
	void start() throws Exception {
		this.server = ServerBuilder.forPort(0).addService(this.log).build().start();
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.server.getPort()).usePlaintext().build();
		this.follower = new DomainFollower(new DomainServiceClient(this.channel, Duration.ofSeconds(5)), this.table, Duration.ofMinutes(1),
				Duration.ofSeconds(30), this.clock, new SimpleMeterRegistry());
		this.table.addListener(new DomainTable.Listener() {
			@Override
			public void domainAdded(String domain, String hostType) {
				DomainFollowerTest.this.changes.add("+" + domain);
			}

			@Override
			public void domainRemoved(String domain) {
				DomainFollowerTest.this.changes.add("-" + domain);
			}
		});
	}

	@AfterEach
	void stop() throws Exception {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		this.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void loadsEveryEnabledDomainThenFollowsTheLog() {
		this.log.change(1, "a.example", true);
		this.log.change(2, "b.example", false);
		this.follower.sync();
		assertThat(this.table.dynamicDomains()).containsExactly("a.example");
		assertThat(this.follower.position()).isEqualTo(2);

		this.log.change(3, "b.example", true);
		this.log.change(4, "a.example", false);
		this.follower.sync();
		assertThat(this.table.dynamicDomains()).containsExactly("b.example");
		assertThat(this.follower.position()).isEqualTo(4);
		assertThat(this.changes).containsExactly("+a.example", "+b.example", "-a.example");
	}

	@Test
	void aMissingIdIsWaitedForAndReadWhenItCommits() {
		this.follower.sync();
		this.log.change(1, "a.example", true);
		this.log.change(3, "c.example", true);
		this.log.hide(2);
		this.follower.sync();
		assertThat(this.table.dynamicDomains()).containsExactlyInAnyOrder("a.example", "c.example");
		assertThat(this.follower.position()).as("stops before the gap").isEqualTo(1);

		this.log.change(2, "b.example", true);
		this.log.unhide(2);
		this.follower.sync();
		assertThat(this.table.dynamicDomains()).containsExactlyInAnyOrder("a.example", "b.example", "c.example");
		assertThat(this.follower.position()).isEqualTo(3);
		assertThat(this.changes).as("c.example applied once").containsExactly("+a.example", "+c.example", "+b.example");
	}

	@Test
	void aGapThatOutlivesTheTimeoutCountsAsRolledBack() {
		this.follower.sync();
		this.log.change(1, "a.example", true);
		this.log.change(3, "c.example", true);
		this.log.hide(2);
		this.follower.sync();
		this.clock.advance(Duration.ofSeconds(29));
		this.follower.sync();
		assertThat(this.follower.position()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(2));
		this.follower.sync();
		assertThat(this.follower.position()).isEqualTo(3);
	}

	@Test
	void aNodeBehindTheOldestKeptEventReloads() {
		this.log.change(1, "a.example", true);
		this.follower.sync();
		this.log.change(2, "a.example", false);
		this.log.change(3, "b.example", true);
		this.log.deleteUpTo(2);
		this.follower.sync();
		assertThat(this.table.dynamicDomains()).containsExactly("b.example");
		assertThat(this.follower.position()).isEqualTo(3);
	}

	@Test
	void anEventWhoseDomainCouldNotBeReadIsAppliedOnTheNextSync() {
		this.follower.sync();
		this.log.change(1, "a.example", true);
		this.log.change(2, "b.example", true);
		this.log.unavailableOnce("b.example");
		assertThatThrownBy(this.follower::sync).isInstanceOf(StatusRuntimeException.class);
		assertThat(this.table.dynamicDomains()).containsExactly("a.example");

		this.follower.sync();
		assertThat(this.table.dynamicDomains()).containsExactlyInAnyOrder("a.example", "b.example");
		assertThat(this.follower.position()).isEqualTo(2);
		assertThat(this.changes).containsExactly("+a.example", "+b.example");
	}

	@Test
	void staticDomainsAreNeverTouchedAndForeignHostTypesAreSkipped() {
		this.log.change(1, "localhost", false);
		this.log.put(Domain.newBuilder().setId(9).setDomain("odd.example").setHostType("unknown").setEnabled(true).build());
		this.log.change(2, "odd.example", true);
		this.follower.sync();
		assertThat(this.table.isServed("localhost")).isTrue();
		assertThat(this.table.isServed("odd.example")).isFalse();
	}

	/** domain-service's read side, scripted: the current domains and the event log. */
	static final class ScriptedLog extends DomainsGrpc.DomainsImplBase {

		private final Map<String, Domain> domains = new TreeMap<>();

		private final TreeMap<Long, String> events = new TreeMap<>();

		private final java.util.Set<Long> hidden = new java.util.HashSet<>();

		private final java.util.Set<String> unavailable = new java.util.HashSet<>();

		synchronized void change(long eventId, String domain, boolean enabled) {
			Domain current = this.domains.get(domain);
			long id = (current != null) ? current.getId() : this.domains.size() + 1;
			String hostType = (current != null) ? current.getHostType() : "tenants";
			put(Domain.newBuilder().setId(id).setDomain(domain).setHostType(hostType).setEnabled(enabled).build());
			this.events.put(eventId, domain);
		}

		synchronized void put(Domain domain) {
			this.domains.put(domain.getDomain(), domain);
		}

		synchronized void hide(long eventId) {
			this.hidden.add(eventId);
		}

		synchronized void unhide(long eventId) {
			this.hidden.remove(eventId);
		}

		/** The next read of this domain fails as a domain-service going away would answer it. */
		synchronized void unavailableOnce(String domain) {
			this.unavailable.add(domain);
		}

		synchronized void deleteUpTo(long eventId) {
			this.events.headMap(eventId, true).clear();
		}

		@Override
		public synchronized void listDomains(ListDomainsRequest request, StreamObserver<ListDomainsResponse> response) {
			ListDomainsResponse.Builder page = ListDomainsResponse.newBuilder().setLastEventId(this.events.isEmpty() ? 0 : this.events.lastKey());
			this.domains.values().stream().filter(d -> d.getEnabled() || !request.getEnabledOnly()).forEach(page::addDomains);
			response.onNext(page.build());
			response.onCompleted();
		}

		@Override
		public synchronized void eventsAfter(EventsAfterRequest request, StreamObserver<EventsAfterResponse> response) {
			EventsAfterResponse.Builder page = EventsAfterResponse.newBuilder()
				.setOldestEventId(this.events.isEmpty() ? 0 : this.events.firstKey())
				.setLastEventId(this.events.isEmpty() ? 0 : this.events.lastKey());
			this.events.tailMap(request.getAfterId(), false).forEach((id, domain) -> {
				if (!this.hidden.contains(id)) {
					page.addEvents(DomainEvent.newBuilder().setId(id).setDomain(domain));
				}
			});
			response.onNext(page.build());
			response.onCompleted();
		}

		@Override
		public synchronized void getDomain(GetDomainRequest request, StreamObserver<Domain> response) {
			if (this.unavailable.remove(request.getDomain())) {
				response.onError(Status.UNAVAILABLE.asRuntimeException());
				return;
			}
			Domain domain = this.domains.get(request.getDomain());
			if (domain == null) {
				response.onError(Status.NOT_FOUND.asRuntimeException());
				return;
			}
			if (domain.getDomain().equals("localhost")) {
				domain = domain.toBuilder().setStaticDomain(true).build();
			}
			response.onNext(domain);
			response.onCompleted();
		}

	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
