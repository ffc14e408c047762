package io.meridian.domains.store;

import java.util.List;

/**
 * Events after an id, with the bounds of the log.
 *
 * @param events in id order
 * @param oldestEventId the smallest id kept; 0 when there are none
 * @param lastEventId the greatest id committed; 0 when there are none
 */
public record EventPage(List<StoredEvent> events, long oldestEventId, long lastEventId) {
}
