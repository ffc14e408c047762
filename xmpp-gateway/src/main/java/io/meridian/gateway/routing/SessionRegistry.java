package io.meridian.gateway.routing;

import java.util.Collection;

import io.meridian.gateway.stanza.Jid;

/**
 * Where the sessions of a user are. In memory for one node now; the cluster-wide registry
 * (Redis) implements the same contract.
 */
public interface SessionRegistry {

	/** Registers a session; returns the session it replaces on the same full JID, or null. */
	LocalSession register(LocalSession session);

	/** Removes the session if it is still the one registered for its JID. */
	void unregister(LocalSession session);

	LocalSession session(Jid full);

	/** All sessions of a bare JID. */
	Collection<LocalSession> sessions(Jid bare);

	/** All sessions on this node of users of a domain. */
	Collection<LocalSession> sessions(String domain);

	int count();

	/** Writes a stanza to the session bound to its full JID; a session gone meanwhile is skipped. */
	default void deliver(Delivery delivery) {
		LocalSession session = session(delivery.to());
		if (session != null) {
			session.deliver(delivery.stanza());
		}
	}

}
