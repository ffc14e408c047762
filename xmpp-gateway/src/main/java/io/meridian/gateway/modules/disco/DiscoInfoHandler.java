package io.meridian.gateway.modules.disco;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;

/**
 * {@code disco#info} (XEP-0030): the server's identity ({@code server/im}) and features, and an
 * account's identity ({@code account/registered}) answered by the server on its behalf. The
 * server's features are the namespaces of every registered {@link IqHandler} plus what
 * {@link DiscoFeatures} beans add, so a new module shows up without a list to keep.
 */
public class DiscoInfoHandler implements IqHandler {

	public static final String NAMESPACE = "http://jabber.org/protocol/disco#info";

	private final String name;

	private final Supplier<? extends Collection<IqHandler>> handlers;

	private final Supplier<? extends Collection<DiscoFeatures>> contributors;

	private final BiPredicate<Jid, Jid> mayDiscover;

	/**
	 * @param name the name of the server identity
	 * @param handlers the node's IQ handlers (this one may be left out); read at each query, as the
	 * handlers are wired only after this one exists
	 * @param contributors every {@link DiscoFeatures}, handlers that implement it included
	 * @param mayDiscover whether a user (first, bare JID) may see another account (second, bare
	 * JID): true only for an existing account whose presence the user receives
	 */
	public DiscoInfoHandler(String name, Supplier<? extends Collection<IqHandler>> handlers,
			Supplier<? extends Collection<DiscoFeatures>> contributors, BiPredicate<Jid, Jid> mayDiscover) {
		this.name = name;
		this.handlers = handlers;
		this.contributors = contributors;
		this.mayDiscover = mayDiscover;
	}

	/** The server's and the user's own features come from memory: on the event loop. */
	@Override
	public boolean blocking() {
		return false;
	}

	/** Another account's features need its roster (whether the sender may see it): off the event loop. */
	@Override
	public boolean blockingForAccount() {
		return true;
	}

	@Override
	public String namespace() {
		return NAMESPACE;
	}

	/** Reaches here addressed to a served domain, to the sender's own bare JID, or without 'to' (the sender's account, RFC 6120 10.3.3). */
	@Override
	public Element handle(Element iq, Jid from) {
		Element refused = refuse(iq, NAMESPACE);
		if (refused != null) {
			return refused;
		}
		Jid target = (iq.attribute("to") != null) ? Jid.parse(iq.attribute("to")) : from.bare();
		return (target.local() == null) ? serverInfo(iq, target.domain()) : accountInfo(iq, target);
	}

	/**
	 * Another user's account, as ejabberd's mod_disco and Prosody answer it: only to users
	 * subscribed to its presence; everyone else cannot tell it from an account that does not exist.
	 */
	@Override
	public Element handleForAccount(Element iq, LocalSession sender, Jid account) {
		if (!this.mayDiscover.test(sender.jid().bare(), account.bare())) {
			return StanzaError.SERVICE_UNAVAILABLE.replyTo(iq, null);
		}
		return accountInfo(iq, account);
	}

	/** The server's identity and features on {@code domain}. */
	Element serverInfo(Element iq, String domain) {
		// This handler's own namespace too: Spring leaves a bean out of the collections it is given itself.
		Set<String> features = new TreeSet<>(Set.of(NAMESPACE));
		for (IqHandler handler : this.handlers.get()) {
			if (!(handler instanceof DiscoFeatures)) {
				features.add(handler.namespace());
			}
		}
		this.contributors.get().forEach(contributor -> features.addAll(contributor.serverFeatures(domain)));
		return info(iq, identity("server", "im", this.name), features);
	}

	/**
	 * An account's {@code account/registered} identity, answered by the server for the account
	 * (XEP-0030 section 3.1).
	 */
	private Element accountInfo(Element iq, Jid account) {
		Element refused = refuse(iq, NAMESPACE);
		if (refused != null) {
			return refused;
		}
		Set<String> features = new TreeSet<>(Set.of(NAMESPACE, DiscoItemsHandler.NAMESPACE));
		this.contributors.get().forEach(contributor -> features.addAll(contributor.accountFeatures(account.bare())));
		return info(iq, identity("account", "registered", null), features);
	}

	/** A get with a query and no node: anything else gets its error reply, else null. */
	static Element refuse(Element iq, String namespace) {
		Element query = iq.child("query", namespace);
		if (!"get".equals(iq.attribute("type")) || query == null) {
			return StanzaError.BAD_REQUEST.replyTo(iq, "a disco request is a get with a query");
		}
		// No node has items or info of its own yet.
		if (query.attribute("node") != null) {
			return StanzaError.ITEM_NOT_FOUND.replyTo(iq, "no node " + query.attribute("node"));
		}
		return null;
	}

	private static Element info(Element iq, Element identity, Set<String> features) {
		Element.Builder query = Element.builder("query", NAMESPACE).child(identity);
		features.forEach(feature -> query.child(Element.builder("feature", NAMESPACE).attribute("var", feature).build()));
		return Stanzas.result(iq, query.build());
	}

	private static Element identity(String category, String type, String name) {
		Element.Builder identity = Element.builder("identity", NAMESPACE).attribute("category", category).attribute("type", type);
		if (name != null) {
			identity.attribute("name", name);
		}
		return identity.build();
	}

}
