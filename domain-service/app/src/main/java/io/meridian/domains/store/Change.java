package io.meridian.domains.store;

/**
 * The outcome of a change call.
 *
 * @param domain the domain after the call (for a removal, as it was before; null when it did not exist)
 * @param eventId the id of the event written with the change; 0 when nothing changed
 */
public record Change(DomainEntry domain, long eventId) {

	public static Change unchanged(DomainEntry domain) {
		return new Change(domain, 0);
	}

	public boolean changed() {
		return this.eventId > 0;
	}

}
