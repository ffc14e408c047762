package io.meridian.gateway.routing;

import java.util.List;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;

/**
 * Answers the IQs of one namespace addressed to the server or to the sender's own account, and
 * those addressed to another local account's bare JID, which the server answers on that
 * account's behalf (RFC 6120 10.5.4).
 */
public interface IqHandler {

	/** The namespace of the IQ payloads this handler answers. */
	String namespace();

	/**
	 * Whether answering may wait on a database or anything else slow, so the router runs it off
	 * the event loop (and holds the session's later stanzas meanwhile). Handlers that answer from
	 * memory (ping, version) say no and are answered on the loop with no extra hop.
	 */
	default boolean blocking() {
		return true;
	}

	/** Whether {@link #handleForAccount} may block; by default as {@link #blocking()}. */
	default boolean blockingForAccount() {
		return blocking();
	}

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

	/**
	 * Answers a get or set addressed to the bare JID of another account of a served domain: the
	 * server answers for the account (RFC 6120 10.5.4, RFC 6121 8.5.2.1.3). By default a
	 * namespace offers nothing on behalf of accounts, so the answer is {@code service-unavailable}
	 * (RFC 6121 8.5.1 gives the same for an account that does not exist, so nobody learns which
	 * accounts exist from it). A handler that overrides this must check that the account exists.
	 *
	 * @param iq the request, {@code from} stamped with the sender's full JID, {@code to} the account
	 * @param sender the session that sent it
	 * @param account the bare JID addressed, never the sender's own
	 * @return the reply to the sender (a result or an error)
	 */
	default Element handleForAccount(Element iq, LocalSession sender, Jid account) {
		return StanzaError.SERVICE_UNAVAILABLE.replyTo(iq, null);
	}

}
