package io.meridian.gateway.routing;

import java.util.List;

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

	/**
	 * Answers an IQ of a bound session. Handlers whose answer reaches further than the sender
	 * (roster pushes to the user's other resources) or marks the session override this.
	 *
	 * @param iq the request, {@code from} stamped with the sender's full JID
	 * @param sender the session that sent it
	 * @return what to deliver, in order, the reply to the sender among it
	 */
	default List<Delivery> handle(Element iq, LocalSession sender) {
		return List.of(new Delivery(sender.jid(), handle(iq, sender.jid())));
	}

}
