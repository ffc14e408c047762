package io.meridian.gateway.stanza;

/** Small constructions every stanza handler needs. */
public final class Stanzas {

	public static final String CLIENT = "jabber:client";

	private Stanzas() {
	}

	public static Element swapAddresses(Element stanza) {
		return stanza.withAttribute("to", stanza.attribute("from")).withAttribute("from", stanza.attribute("to"));
	}

	/** An empty {@code <iq type='result'/>} answering the request. */
	public static Element result(Element iq) {
		return Element.builder("iq", CLIENT)
			.attribute("type", "result")
			.attribute("id", iq.attribute("id"))
			.attribute("from", iq.attribute("to"))
			.attribute("to", iq.attribute("from"))
			.build();
	}

	/** A result carrying one payload element. */
	public static Element result(Element iq, Element payload) {
		return result(iq).withChild(payload);
	}

	/**
	 * Whether a request is addressed to the server itself: a 'to' without localpart. No 'to'
	 * means the sender's own account (RFC 6120 10.3.3).
	 */
	public static boolean toServer(Element stanza) {
		String to = stanza.attribute("to");
		return to != null && Jid.parse(to).local() == null;
	}

	/** The first child element, the payload of an IQ; null when there is none. */
	public static Element payload(Element stanza) {
		return stanza.elements().stream().filter(e -> !e.name().equals("error")).findFirst().orElse(null);
	}

}
