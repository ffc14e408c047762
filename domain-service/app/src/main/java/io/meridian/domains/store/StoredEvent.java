package io.meridian.domains.store;

import java.time.Instant;

/**
 * A row of {@code domain_events}: the domain changed in the transaction that wrote it.
 *
 * @param id grows with each change, with gaps where a transaction rolled back
 * @param domain the canonical name
 * @param time when the change's transaction started
 */
public record StoredEvent(long id, String domain, Instant time) {
}
