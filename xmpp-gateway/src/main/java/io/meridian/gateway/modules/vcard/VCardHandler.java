package io.meridian.gateway.modules.vcard;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;
import io.meridian.gateway.stanza.Xml;

/**
 * vcard-temp (XEP-0054): a user sets and gets their own vCard; anybody gets a local user's
 * vCard from the server, which answers for the account. A user without one has an empty vCard
 * (XEP-0054 3.1 allows it instead of {@code item-not-found}; clients take it as "nothing set").
 */
public class VCardHandler implements IqHandler {

	public static final String NAMESPACE = "vcard-temp";

	private static final Logger log = LoggerFactory.getLogger(VCardHandler.class);

	private final VCardStore store;

	private final Accounts accounts;

	private final int maxSize;

	public VCardHandler(VCardStore store, Accounts accounts, int maxSize) {
		this.store = store;
		this.accounts = accounts;
		this.maxSize = maxSize;
	}

	@Override
	public String namespace() {
		return NAMESPACE;
	}

	/** To the sender's own account (no {@code to}, or the bare JID), or to the server. */
	@Override
	public Element handle(Element iq, Jid from) {
		String to = iq.attribute("to");
		boolean toServer = to != null && Jid.parse(to).local() == null;
		if ("get".equals(iq.attribute("type"))) {
			// The server itself keeps no vCard.
			return Stanzas.result(iq, toServer ? empty() : vcard(from.bare()));
		}
		if (toServer) {
			return StanzaError.NOT_ALLOWED.replyTo(iq, "the server's vCard cannot be set");
		}
		Element vcard = Stanzas.payload(iq);
		if (!"vCard".equals(vcard.name())) {
			return StanzaError.BAD_REQUEST.replyTo(iq, "the payload must be <vCard xmlns='vcard-temp'/>");
		}
		String xml = vcard.toXml();
		int size = xml.getBytes(StandardCharsets.UTF_8).length;
		if (size > this.maxSize) {
			// XEP-0054 sets no size; a server limit is a criterion the request fails: not-acceptable (RFC 6120 8.3.3.9).
			log.info("vCard of {} refused: {} bytes, more than meridian.vcard.max-size {}", from.bare(), size, this.maxSize);
			return StanzaError.NOT_ACCEPTABLE.replyTo(iq, "the vCard is larger than " + this.maxSize + " bytes");
		}
		if (!Xml.readsBack(xml)) {
			return StanzaError.BAD_REQUEST.replyTo(iq, "the vCard uses a namespace prefix that is not declared");
		}
		if (!this.store.put(from.bare(), xml)) {
			// The account was removed while this session was still open.
			return StanzaError.FORBIDDEN.replyTo(iq, "the account no longer exists");
		}
		return Stanzas.result(iq);
	}

	/**
	 * RFC 6120 10.5.4: another user's vCard, answered by the server; {@code service-unavailable}
	 * for an account that does not exist (RFC 6121 8.5.1), {@code forbidden} for a set, since
	 * only the owner may change a vCard (XEP-0054 3.2).
	 */
	@Override
	public Element handleForAccount(Element iq, LocalSession sender, Jid account) {
		if (!"get".equals(iq.attribute("type"))) {
			return StanzaError.FORBIDDEN.replyTo(iq, "only " + account + " may change this vCard");
		}
		Optional<String> stored = this.store.find(account);
		if (stored.isEmpty() && !this.accounts.exists(account.local(), account.domain())) {
			return StanzaError.SERVICE_UNAVAILABLE.replyTo(iq, null);
		}
		return Stanzas.result(iq, stored.map(VCardHandler::parse).orElseGet(VCardHandler::empty));
	}

	private Element vcard(Jid owner) {
		return this.store.find(owner).map(VCardHandler::parse).orElseGet(VCardHandler::empty);
	}

	private static Element parse(String xml) {
		try {
			return Xml.parse(xml);
		}
		catch (IllegalArgumentException ex) {
			// It was read back before it was stored; an altered row must not break the get.
			log.warn("A stored vCard is unreadable and is answered as empty: {}", ex.getMessage());
			return empty();
		}
	}

	private static Element empty() {
		return Element.builder("vCard", NAMESPACE).build();
	}

}
