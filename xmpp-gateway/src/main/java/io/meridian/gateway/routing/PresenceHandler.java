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
	 * @param sender the session that sent it
	 * @param presence the stanza, {@code from} stamped with the sender's full JID
	 * @param target its parsed {@code to}, on a served domain; null for a broadcast
	 * @return what to deliver, in order
	 */
	List<Delivery> handle(LocalSession sender, Element presence, Jid target);

}
