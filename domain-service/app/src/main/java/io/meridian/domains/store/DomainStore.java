package io.meridian.domains.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The tables {@code domain_settings} and {@code domain_events}. Every method that changes a
 * domain writes its event in the same transaction, and writes nothing when there is nothing to
 * change. Names are canonical and the rules already checked: the store only stores.
 */
public interface DomainStore {

	/** Inserts an enabled domain, or returns the existing one unchanged, whatever its host type. */
	Change add(String domain, String hostType);

	/** Sets the enabled flag; empty when the domain does not exist. */
	Optional<Change> setEnabled(String domain, boolean enabled);

	/** Deletes the domain; empty when it did not exist. */
	Optional<Change> remove(String domain);

	Optional<DomainEntry> find(String domain);

	/**
	 * @param hostType only this host type, or all when null
	 * @param enabledOnly only enabled domains
	 * @param afterId ids greater than this
	 * @param limit at most this many
	 */
	DomainPage list(String hostType, boolean enabledOnly, long afterId, int limit);

	EventPage eventsAfter(long afterId, int limit);

	/** Deletes the events older than the cutoff except the newest. @return how many */
	int deleteEventsBefore(Instant cutoff);

}
