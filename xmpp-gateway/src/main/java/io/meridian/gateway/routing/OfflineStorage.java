package io.meridian.gateway.routing;

import java.util.List;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;

/**
 * Where messages wait for an account that has no available resource (XEP-0160). The router
 * offers it what RFC 6121 8.5.2.2.1 allows to keep; presence handling takes the queue back when
 * the account sends initial presence.
 */
public interface OfflineStorage {

	/** Keeps nothing: every message nobody can take is bounced. */
	OfflineStorage NONE = new OfflineStorage() {

		@Override
		public boolean store(Jid account, Element message) {
			return false;
		}

		@Override
		public List<Element> take(Jid account) {
			return List.of();
		}

		@Override
		public long count(Jid account) {
			return 0;
		}

	};

	/**
	 * Keeps a message of type chat or normal for later delivery.
	 *
	 * @param account the bare JID it is for
	 * @param message the stanza as routed, {@code from} stamped
	 * @return whether it was kept; false when storage is off on the domain, the account does not
	 *         exist or its queue is full, and the sender is to get {@code service-unavailable}
	 */
	boolean store(Jid account, Element message);

	/** Removes and returns an account's waiting messages, oldest first, each stamped with its delay (XEP-0203). */
	List<Element> take(Jid account);

	/** How many messages wait for an account. */
	long count(Jid account);

}
