package io.meridian.gateway.routing;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;

/** Answers the IQs of one namespace addressed to the server or to the sender's own account. */
public interface IqHandler {

	/** The namespace of the IQ payloads this handler answers. */
	String namespace();

	/**
	 * @param iq the request, {@code from} stamped with the sender's full JID
	 * @param from the sender
	 * @return the reply to send back (a result or an error)
	 */
	Element handle(Element iq, Jid from);

}
