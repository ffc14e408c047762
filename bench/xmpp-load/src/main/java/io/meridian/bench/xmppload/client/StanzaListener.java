package io.meridian.bench.xmppload.client;

import io.meridian.bench.xmppload.xml.XmlElement;

/** Receives what an online connection gets; called on the connection's event loop. */
public interface StanzaListener {

	StanzaListener NONE = (connection, stanza) -> {
	};

	/** A message, presence, or an IQ the connection did not ask for. */
	void onStanza(XmppConnection connection, XmlElement stanza);

	/** The connection closed; {@code cause} is null after a clean close the tool asked for. */
	default void onClosed(XmppConnection connection, Throwable cause) {
	}

}
