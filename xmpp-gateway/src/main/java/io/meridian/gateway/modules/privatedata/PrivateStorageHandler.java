package io.meridian.gateway.modules.privatedata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;
import io.meridian.gateway.stanza.Xml;

/**
 * Private XML storage (XEP-0049, {@code jabber:iq:private}): a user keeps arbitrary XML on the
 * server, one item per root element (namespace and name), and gets it back; nobody else can
 * read or write it.
 *
 * <p>Errors, following the XEP's section 3: a query without a child is {@code not-acceptable}
 * (its "MUST" in 2.3; the "Bad Format" it suggests for a get is no stanza error condition of
 * RFC 6120, so clients could not read it), so is a child in a reserved {@code jabber:} namespace
 * or in none; a get of more than one namespace, which a client MUST NOT send, is
 * {@code bad-request}; any IQ to another JID is {@code forbidden}.
 */
public class PrivateStorageHandler implements IqHandler {

	public static final String NAMESPACE = "jabber:iq:private";

	private static final Logger log = LoggerFactory.getLogger(PrivateStorageHandler.class);

	private final PrivateStore store;

	private final int maxSize;

	public PrivateStorageHandler(PrivateStore store, int maxSize) {
		this.store = store;
		this.maxSize = maxSize;
	}

	@Override
	public String namespace() {
		return NAMESPACE;
	}

	@Override
	public Element handle(Element iq, Jid from) {
		String to = iq.attribute("to");
		if (to != null && Jid.parse(to).local() == null) {
			return StanzaError.FORBIDDEN.replyTo(iq, "private data belongs to an account, not to the server");
		}
		Element query = iq.child("query", NAMESPACE);
		if (query == null) {
			return StanzaError.BAD_REQUEST.replyTo(iq, "the payload must be <query xmlns='jabber:iq:private'/>");
		}
		List<Element> children = query.elements();
		if (children.isEmpty()) {
			return StanzaError.NOT_ACCEPTABLE.replyTo(iq, "the query needs a child element in a namespace of its own");
		}
		Map<PrivateKey, Element> items = new LinkedHashMap<>();
		for (Element child : children) {
			try {
				items.put(PrivateKey.of(child), child);
			}
			catch (IllegalArgumentException ex) {
				return StanzaError.NOT_ACCEPTABLE.replyTo(iq, ex.getMessage());
			}
		}
		return "get".equals(iq.attribute("type")) ? get(iq, from.bare(), items) : set(iq, from.bare(), items);
	}

	private Element get(Element iq, Jid owner, Map<PrivateKey, Element> asked) {
		if (asked.keySet().stream().map(PrivateKey::namespace).distinct().count() > 1) {
			return StanzaError.BAD_REQUEST.replyTo(iq, "ask for one namespace at a time");
		}
		Element.Builder result = Element.builder("query", NAMESPACE);
		// Nothing stored under a key: the element comes back as asked, empty (XEP-0049 2.3).
		asked.forEach((key, element) -> result.child(this.store.find(owner, key).map(xml -> read(owner, xml, element)).orElse(element)));
		return Stanzas.result(iq, result.build());
	}

	private Element set(Element iq, Jid owner, Map<PrivateKey, Element> items) {
		Map<PrivateKey, String> xml = new LinkedHashMap<>();
		for (Map.Entry<PrivateKey, Element> item : items.entrySet()) {
			String text = item.getValue().toXml();
			if (!Xml.readsBack(text)) {
				return StanzaError.BAD_REQUEST.replyTo(iq, "<" + item.getKey().name() + "/> uses a namespace prefix that is not declared");
			}
			xml.put(item.getKey(), text);
		}
		return switch (this.store.put(owner, xml, this.maxSize)) {
			case STORED -> Stanzas.result(iq);
			case OVER_LIMIT -> {
				// No size in XEP-0049; a server limit is a criterion the request fails (RFC 6120 8.3.3.9).
				log.info("Private storage of {} refused a set: it would hold more than meridian.private-storage.max-size {} bytes", owner,
						this.maxSize);
				yield StanzaError.NOT_ACCEPTABLE.replyTo(iq, "private storage is limited to " + this.maxSize + " bytes per account");
			}
			case NO_ACCOUNT -> StanzaError.FORBIDDEN.replyTo(iq, "the account no longer exists");
		};
	}

	/** XEP-0049 3: only the user's own resources may read or write the user's private XML. */
	@Override
	public Element handleForAccount(Element iq, LocalSession sender, Jid account) {
		return StanzaError.FORBIDDEN.replyTo(iq, "private data is only for its owner");
	}

	/** The refusal reads nothing: answered on the loop. */
	@Override
	public boolean blockingForAccount() {
		return false;
	}

	private static Element read(Jid owner, String xml, Element asked) {
		try {
			return Xml.parse(xml);
		}
		catch (IllegalArgumentException ex) {
			log.warn("Private XML {} of {} is unreadable and is answered as empty: {}", asked.namespace(), owner, ex.getMessage());
			return asked;
		}
	}

}
