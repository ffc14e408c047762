package io.meridian.gateway.modules.disco;

import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.Stanzas;

/** {@code disco#items} (XEP-0030): the server has no components and accounts publish no items yet, so the list is empty. */
public class DiscoItemsHandler implements IqHandler {

	public static final String NAMESPACE = "http://jabber.org/protocol/disco#items";

	/** An empty list: on the event loop. */
	@Override
	public boolean blocking() {
		return false;
	}

	@Override
	public String namespace() {
		return NAMESPACE;
	}

	@Override
	public Element handle(Element iq, Jid from) {
		Element refused = DiscoInfoHandler.refuse(iq, NAMESPACE);
		return (refused != null) ? refused : Stanzas.result(iq, Element.builder("query", NAMESPACE).build());
	}

}
