package io.meridian.gateway.routing;

import java.time.Instant;
import java.util.Set;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;

/**
 * A bound client session on this node, as routing sees it. Besides its address it carries the
 * little presence state RFC 6121 ties to one resource: its last broadcast presence, whether it
 * asked for the roster, and where it sent directed presence. Sessions are read from other
 * sessions' threads, so implementations keep this state thread-safe.
 */
public interface LocalSession {

	/** The full JID the session is bound to. */
	Jid jid();

	/** The client's address, {@code ip:port}. */
	String address();

	/** When the session was bound. */
	Instant since();

	/** Whether the client has sent available presence (and not unavailable since). */
	boolean available();

	/** The priority of its last available presence. */
	int priority();

	/** Its last broadcast available presence, {@code from} stamped; null while unavailable. */
	Element presence();

	/** Records a broadcast presence: available (with its priority) or unavailable. */
	void updatePresence(Element presence);

	/** Whether it requested the roster, and so gets roster pushes (an "interested resource"). */
	boolean interested();

	void markInterested();

	/**
	 * The JIDs it sent directed available presence to, which must hear its unavailable
	 * presence too (RFC 6121 4.6). A live, thread-safe set.
	 */
	Set<Jid> directedPresence();

	/**
	 * Writes a stanza to the client. Stanzas delivered one after another, from any threads,
	 * reach the client in that order.
	 */
	void deliver(Element stanza);

	/** Ends the session with a stream error condition ({@code conflict}, {@code host-gone}, ...). */
	void end(String condition, String text);

}
