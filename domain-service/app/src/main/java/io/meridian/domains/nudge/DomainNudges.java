package io.meridian.domains.nudge;

/**
 * Tells the followers that new events are there, after the change committed. A nudge is only a
 * hint: it may be lost, and followers poll as well, so sending one never fails a change.
 */
@FunctionalInterface
public interface DomainNudges {

	/** @param eventId the id of the event just committed */
	void nudge(long eventId);

}
