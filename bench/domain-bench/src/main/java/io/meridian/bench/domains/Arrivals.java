package io.meridian.bench.domains;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.meridian.gateway.domain.DomainTable;

/**
 * When the domains a run waits for entered or left one node's table, by {@link System#nanoTime()},
 * taken in the table's own listener call: the table has changed by then, so a stream header
 * naming the domain is already answered the new way.
 */
final class Arrivals implements DomainTable.Listener {

	private final Map<String, CompletableFuture<Long>> added = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Long>> removed = new ConcurrentHashMap<>();

	/** Registers this recorder with the node's table. */
	static Arrivals on(DomainTable table) {
		Arrivals arrivals = new Arrivals();
		table.addListener(arrivals);
		return arrivals;
	}

	/** Call before the change: completes with the time the domain enters the table. */
	CompletableFuture<Long> added(String domain) {
		return this.added.computeIfAbsent(domain, d -> new CompletableFuture<>());
	}

	/** Call before the change: completes with the time the domain leaves the table. */
	CompletableFuture<Long> removed(String domain) {
		return this.removed.computeIfAbsent(domain, d -> new CompletableFuture<>());
	}

	@Override
	public void domainAdded(String domain, String hostType) {
		complete(this.added, domain, System.nanoTime());
	}

	@Override
	public void domainRemoved(String domain) {
		complete(this.removed, domain, System.nanoTime());
	}

	private static void complete(Map<String, CompletableFuture<Long>> waiting, String domain, long now) {
		CompletableFuture<Long> arrival = waiting.remove(domain);
		if (arrival != null) {
			arrival.complete(now);
		}
	}

}
