package io.meridian.domains.service;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import io.meridian.domains.store.DomainStore;

/**
 * Deletes the events older than the retention, every interval, keeping the newest so that
 * followers always learn the last id. A follower further behind than the oldest event left
 * reloads every domain.
 */
public class EventCleanup implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventCleanup.class);

	private final DomainStore store;

	private final Duration retention;

	private final Duration interval;

	private final Clock clock;

	private final Counter deleted;

	private ScheduledExecutorService scheduler;

	/**
	 * @param store the tables
	 * @param retention how long events are kept
	 * @param interval how often the cleanup runs
	 * @param clock the time the retention counts from
	 * @param meters where deleted events are counted
	 */
	public EventCleanup(DomainStore store, Duration retention, Duration interval, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.retention = retention;
		this.interval = interval;
		this.clock = clock;
		this.deleted = Counter.builder("meridian.domains.events.deleted").description("Events deleted after the retention").register(meters);
	}

	/** Deletes the events older than the retention now. @return how many */
	public int runOnce() {
		int count = this.store.deleteEventsBefore(this.clock.instant().minus(this.retention));
		this.deleted.increment(count);
		if (count > 0) {
			log.info("Deleted {} domain events older than {}", count, this.retention);
		}
		return count;
	}

	private void runScheduled() {
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			log.warn("Domain event cleanup failed, next try in {}: {}", this.interval, ex.toString());
		}
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("domain-event-cleanup").daemon().factory());
		long millis = this.interval.toMillis();
		this.scheduler.scheduleWithFixedDelay(this::runScheduled, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
