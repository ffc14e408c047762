package io.meridian.gateway.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import io.meridian.domains.api.DomainServiceClient;
import io.meridian.domains.api.v1.Domain;
import io.meridian.domains.api.v1.DomainEvent;
import io.meridian.domains.api.v1.EventsAfterResponse;

/**
 * Keeps this node's {@link DomainTable} in step with domain-service: loads every enabled
 * domain at start, then applies the event log after the last id seen. A nudge only triggers a
 * read; a poll every {@code poll-interval} catches any nudge that was lost. An id missing
 * below a newer one (a transaction that committed later) is waited for and re-read, up to
 * {@code gap-timeout}, after which it counts as rolled back. A node that fell behind the
 * oldest event kept reloads everything.
 */
public class DomainFollower implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DomainFollower.class);

	static final int PAGE = 500;

	private final DomainServiceClient client;

	private final DomainTable table;

	private final Duration pollInterval;

	private final Duration gapTimeout;

	private final Clock clock;

	private final ScheduledExecutorService executor;

	private final AtomicBoolean nudged = new AtomicBoolean();

	private final Counter applied;

	private final Counter reloads;

	/** Ids above {@link #position} already applied. */
	private final Set<Long> seen = new HashSet<>();

	/** Ids missing above {@link #position}, with when they were first missed. */
	private final Map<Long, Instant> gaps = new TreeMap<>();

	/** Every event up to this id is applied (or gave up on as rolled back); -1 before the first load. */
	private long position = -1;

	private volatile boolean running;

	public DomainFollower(DomainServiceClient client, DomainTable table, Duration pollInterval, Duration gapTimeout, Clock clock,
			MeterRegistry meters) {
		this.client = client;
		this.table = table;
		this.pollInterval = pollInterval;
		this.gapTimeout = gapTimeout;
		this.clock = clock;
		this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("domain-follower").daemon().factory());
		this.applied = Counter.builder("meridian.domains.events.applied").description("Domain events applied to this node's table").register(meters);
		this.reloads = Counter.builder("meridian.domains.reloads").description("Full reloads of the dynamic domains").register(meters);
	}

	@Override
	public void start() {
		this.running = true;
		this.executor.scheduleWithFixedDelay(this::syncQuietly, 0, this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.running = false;
		this.executor.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** A change was committed: read the log now rather than at the next poll. Nudges coalesce. */
	public void nudge() {
		if (this.running && this.nudged.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				this.nudged.set(false);
				syncQuietly();
			});
		}
	}

	/** Every event up to this id is applied; -1 before the first load. */
	public synchronized long position() {
		return this.position;
	}

	private void syncQuietly() {
		try {
			sync();
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read the dynamic domains from domain-service, retrying in {}: {}", this.pollInterval, ex.toString());
		}
	}

	synchronized void sync() {
		if (this.position < 0) {
			reload();
			return;
		}
		EventsAfterResponse page = this.client.eventsAfter(this.position, PAGE);
		// The log was reset, or events this node never read were deleted: only a full load is sure.
		if (page.getLastEventId() < this.position || page.getOldestEventId() > this.position + 1) {
			log.info("Domain event log moved past this node (at {}, oldest kept {}): reloading every domain", this.position,
					page.getOldestEventId());
			reload();
			return;
		}
		long expected = this.position + 1;
		for (DomainEvent event : page.getEventsList()) {
			for (long missing = expected; missing < event.getId(); missing++) {
				if (!this.seen.contains(missing)) {
					this.gaps.putIfAbsent(missing, this.clock.instant());
				}
			}
			this.gaps.remove(event.getId());
			// Seen only once applied: an event whose domain could not be read is read again on the next sync.
			if (!this.seen.contains(event.getId())) {
				apply(event.getDomain());
				this.seen.add(event.getId());
				this.applied.increment();
			}
			expected = Math.max(expected, event.getId() + 1);
		}
		advance();
	}

	/** Moves the position over every applied id and every gap that waited longer than gap-timeout. */
	private void advance() {
		Instant now = this.clock.instant();
		while (true) {
			long next = this.position + 1;
			if (this.seen.remove(next)) {
				this.position = next;
				continue;
			}
			Instant missedAt = this.gaps.get(next);
			if (missedAt != null && !missedAt.plus(this.gapTimeout).isAfter(now)) {
				log.info("Domain event {} never appeared within {}: taken as rolled back", next, this.gapTimeout);
				this.gaps.remove(next);
				this.position = next;
				continue;
			}
			return;
		}
	}

	private void reload() {
		DomainServiceClient.EnabledDomains enabled = this.client.loadEnabled(PAGE);
		Set<String> names = new HashSet<>();
		for (Domain domain : enabled.domains()) {
			names.add(domain.getDomain());
			insert(domain);
		}
		for (String stale : this.table.dynamicDomains()) {
			if (!names.contains(stale)) {
				this.table.remove(stale);
			}
		}
		this.position = enabled.lastEventId();
		this.seen.clear();
		this.gaps.clear();
		this.reloads.increment();
		log.info("Loaded {} dynamic domain(s) from domain-service, following events after {}", names.size(), this.position);
	}

	/** Makes the table agree with domain-service about one domain. */
	private void apply(String name) {
		Optional<Domain> domain = this.client.get(name);
		if (domain.isPresent() && domain.get().getEnabled() && !domain.get().getStaticDomain()) {
			insert(domain.get());
		}
		else if (!this.table.isLocked(name)) {
			this.table.remove(name);
		}
	}

	private void insert(Domain domain) {
		try {
			this.table.insert(domain.getDomain(), domain.getHostType());
		}
		catch (DomainTableException ex) {
			log.warn("Dynamic domain {} not served on this node: {}", domain.getDomain(), ex.getMessage());
		}
	}

}
