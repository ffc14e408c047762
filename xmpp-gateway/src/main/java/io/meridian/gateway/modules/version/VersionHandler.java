package io.meridian.gateway.modules.version;

import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;

/** {@code jabber:iq:version} (XEP-0092): the server's software name, version and, when configured, operating system. */
public class VersionHandler implements IqHandler {

	public static final String NAMESPACE = "jabber:iq:version";

	static final String NAME = "Meridian";

	private final String version;

	private final String os;

	/**
	 * @param version the build's version
	 * @param os the operating system to show, or null to hide it
	 */
	public VersionHandler(String version, String os) {
		this.version = version;
		this.os = os;
	}

	/** Answered from memory: on the event loop. */
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
		if (!Stanzas.toServer(iq)) {
			// An account is not software: only the server answers for itself.
			return StanzaError.SERVICE_UNAVAILABLE.replyTo(iq, null);
		}
		if (!"get".equals(iq.attribute("type"))) {
			return StanzaError.BAD_REQUEST.replyTo(iq, "a version request is a get");
		}
		Element.Builder query = Element.builder("query", NAMESPACE)
			.child(Element.builder("name", NAMESPACE).text(NAME).build())
			.child(Element.builder("version", NAMESPACE).text(this.version).build());
		if (this.os != null) {
			query.child(Element.builder("os", NAMESPACE).text(this.os).build());
		}
		return Stanzas.result(iq, query.build());
	}

}
