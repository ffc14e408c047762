package io.meridian.domains.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.meridian.domains.store.Change;
import io.meridian.domains.store.DomainEntry;
import io.meridian.domains.store.DomainPage;
import io.meridian.domains.store.DomainStore;
import io.meridian.domains.store.EventPage;
import io.meridian.domains.store.StoredEvent;

/** The store's contract in memory, for the rules' unit tests; JdbcDomainStore is proven in DomainServiceIT. */
class MemoryDomainStore implements DomainStore {

	final Map<String, DomainEntry> domains = new LinkedHashMap<>();

	final List<StoredEvent> events = new ArrayList<>();

	int lastListLimit;

	private long nextId = 1;

	private long nextEventId = 1;

	@Override
	public synchronized Change add(String domain, String hostType) {
		DomainEntry existing = this.domains.get(domain);
		if (existing != null) {
			return Change.unchanged(existing);
		}
		DomainEntry added = DomainEntry.stored(this.nextId++, domain, hostType, true);
		this.domains.put(domain, added);
		return new Change(added, event(domain));
	}

	@Override
	public synchronized Optional<Change> setEnabled(String domain, boolean enabled) {
		return Optional.ofNullable(this.domains.get(domain)).map(existing -> {
			if (existing.enabled() == enabled) {
				return Change.unchanged(existing);
			}
			DomainEntry updated = DomainEntry.stored(existing.id(), domain, existing.hostType(), enabled);
			this.domains.put(domain, updated);
			return new Change(updated, event(domain));
		});
	}

	@Override
	public synchronized Optional<Change> remove(String domain) {
		return Optional.ofNullable(this.domains.remove(domain)).map(existing -> new Change(existing, event(domain)));
	}

	@Override
	public synchronized Optional<DomainEntry> find(String domain) {
		return Optional.ofNullable(this.domains.get(domain));
	}

	@Override
	public synchronized DomainPage list(String hostType, boolean enabledOnly, long afterId, int limit) {
		this.lastListLimit = limit;
		List<DomainEntry> matching = this.domains.values()
			.stream()
			.filter(d -> d.id() > afterId && (hostType == null || d.hostType().equals(hostType)) && (!enabledOnly || d.enabled()))
			.toList();
		boolean more = matching.size() > limit;
		return new DomainPage(more ? matching.subList(0, limit) : matching, more, this.nextEventId - 1);
	}

	@Override
	public synchronized EventPage eventsAfter(long afterId, int limit) {
		List<StoredEvent> after = this.events.stream().filter(e -> e.id() > afterId).limit(limit).toList();
		return new EventPage(after, this.events.isEmpty() ? 0 : this.events.get(0).id(), this.nextEventId - 1);
	}

	@Override
	public synchronized int deleteEventsBefore(Instant cutoff) {
		throw new UnsupportedOperationException("proven against PostgreSQL");
	}

	private long event(String domain) {
		StoredEvent event = new StoredEvent(this.nextEventId++, domain, Instant.EPOCH);
		this.events.add(event);
		return event.id();
	}

}
