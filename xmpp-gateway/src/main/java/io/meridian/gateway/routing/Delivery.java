package io.meridian.gateway.routing;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;

/**
 * One stanza for one local session. Handlers return these instead of writing to sessions, so
 * what a stanza causes can be read (and tested) as a list; the router does the writing.
 *
 * @param to the full JID of the session; a session that has gone away meanwhile is skipped
 * @param stanza what it receives
 */
public record Delivery(Jid to, Element stanza) {
}
