package io.meridian.gateway.modules.roster;

import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;

/** RFC 6121 roster get. Rosters are not stored yet: every roster is empty and sets are refused. */
public class RosterHandler implements IqHandler {

	public static final String NAMESPACE = "jabber:iq:roster";

	@Override
	public String namespace() {
		return NAMESPACE;
	}

	@Override
	public Element handle(Element iq, Jid from) {
		if ("get".equals(iq.attribute("type"))) {
			return Stanzas.result(iq, Element.builder("query", NAMESPACE).build());
		}
		return StanzaError.FEATURE_NOT_IMPLEMENTED.replyTo(iq, "roster changes are not supported yet");
	}

}
