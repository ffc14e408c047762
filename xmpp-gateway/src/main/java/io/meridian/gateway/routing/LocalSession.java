package io.meridian.gateway.routing;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;

/** A bound client session on this node, as routing sees it. */
public interface LocalSession {

	/** The full JID the session is bound to. */
	Jid jid();

	/** Whether the client has sent available presence. */
	boolean available();

	/** The priority of its last available presence. */
	int priority();

	/** Writes a stanza to the client. */
	void deliver(Element stanza);

	/** Ends the session with a stream error condition ({@code conflict}, {@code host-gone}, ...). */
	void end(String condition, String text);

}
