package io.meridian.gateway.routing;

import java.util.List;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;

/**
 * Handles the presence stanzas of local sessions: broadcasts, directed presence and presence
 * subscriptions (RFC 6121 sections 3 and 4). The router only checks the address; what a
 * presence means depends on rosters, which live in the modules.
 */
public interface PresenceHandler {

	/**
	 * Whether handling this presence may wait on a database (a broadcast reads the roster, a
	 * subscription writes it), so the router runs it off the event loop. A cheap check, made on
	 * the loop before {@link #handle}; by default every presence may block.
	 *
	 * @param sender the session that sent it
	 * @param presence the stanza
	 * @param target its parsed {@code to}, null for a broadcast
	 */
	default boolean blocking(LocalSession sender, Element presence, Jid target) {
		return true;
	}

	/**
	 * @param sender the session that sent it
	 * @param presence the stanza, {@code from} stamped with the sender's full JID
	 * @param target its parsed {@code to}, on a served domain; null for a broadcast
	 * @return what to deliver, in order
	 */
	List<Delivery> handle(LocalSession sender, Element presence, Jid target);

}
