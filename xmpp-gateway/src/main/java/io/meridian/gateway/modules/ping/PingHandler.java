package io.meridian.gateway.modules.ping;

import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;

/** XEP-0199: the server answers pings addressed to it. */
public class PingHandler implements IqHandler {

	/** Answered from memory: on the event loop. */
	@Override
	public boolean blocking() {
		return false;
	}

	@Override
	public String namespace() {
		return "urn:xmpp:ping";
	}

	@Override
	public Element handle(Element iq, Jid from) {
		return "get".equals(iq.attribute("type")) ? Stanzas.result(iq) : StanzaError.BAD_REQUEST.replyTo(iq, "ping is a get");
	}

}
