package io.meridian.gateway.modules.roster;

import java.util.List;

import io.meridian.gateway.routing.Delivery;
import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;

/**
 * {@code jabber:iq:roster} (RFC 6121 section 2): roster get with versioning (2.6), add, update
 * and remove, and the roster pushes each change sends to the user's interested resources.
 */
public class RosterHandler implements IqHandler {

	public static final String NAMESPACE = "jabber:iq:roster";

	/** Stream features offered with resource binding: roster versioning (2.6) and pre-approval (3.4). */
	public static final List<Element> STREAM_FEATURES = List.of(Element.builder("ver", "urn:xmpp:features:rosterver").build(),
			Element.builder("sub", "urn:xmpp:features:pre-approval").build());

	private final RosterStore store;

	private final RosterChanges changes;

	public RosterHandler(RosterStore store, RosterChanges changes) {
		this.store = store;
		this.changes = changes;
	}

	@Override
	public String namespace() {
		return NAMESPACE;
	}

	/** The roster belongs to a bound session; the router always comes through {@link #handle(Element, LocalSession)}. */
	@Override
	public Element handle(Element iq, Jid from) {
		return StanzaError.SERVICE_UNAVAILABLE.replyTo(iq, "the roster needs a bound session");
	}

	@Override
	public List<Delivery> handle(Element iq, LocalSession sender) {
		Element query = iq.child("query", NAMESPACE);
		String type = iq.attribute("type");
		if (query == null || !(type.equals("get") || type.equals("set"))) {
			return reply(sender, StanzaError.BAD_REQUEST.replyTo(iq, "a roster request is a get or a set with a query"));
		}
		return type.equals("get") ? get(iq, query, sender) : set(iq, query, sender);
	}

	/**
	 * A roster is its owner's alone: RFC 6121 2.3.3 answers a roster set from anybody not
	 * authorized for the account with {@code forbidden}, and a get reveals as much, so it is refused alike.
	 */
	@Override
	public Element handleForAccount(Element iq, LocalSession sender, Jid account) {
		return StanzaError.FORBIDDEN.replyTo(iq, "a roster is only for its owner");
	}

	/** The refusal reads nothing: answered on the loop. */
	@Override
	public boolean blockingForAccount() {
		return false;
	}

	private List<Delivery> get(Element iq, Element query, LocalSession sender) {
		// Interested before reading: a change committed meanwhile still reaches it as a push.
		sender.markInterested();
		RosterStore.Roster roster = this.store.read(sender.jid().bare());
		String version = Long.toString(roster.version());
		if (version.equals(query.attribute("ver"))) {
			// 2.6.3: the client's copy is current; changes from now on come as pushes.
			return reply(sender, Stanzas.result(iq));
		}
		Element.Builder result = Element.builder("query", NAMESPACE).attribute("ver", version);
		roster.items().stream().filter(RosterItem::listed).forEach(item -> result.child(item.toElement()));
		return reply(sender, Stanzas.result(iq, result.build()));
	}

	private List<Delivery> set(Element iq, Element query, LocalSession sender) {
		Jid owner = sender.jid().bare();
		RosterSet request;
		try {
			request = RosterSet.parse(query, owner);
		}
		catch (RosterSet.Refused ex) {
			return reply(sender, ex.error().replyTo(iq, ex.getMessage()));
		}
		if (request.remove()) {
			if (!this.changes.remove(owner, request.jid())) {
				return reply(sender, StanzaError.ITEM_NOT_FOUND.replyTo(iq, request.jid() + " is not on the roster"));
			}
		}
		else {
			this.changes.update(owner, request.jid(), request.name(), request.groups());
		}
		// The pushes are queued already: a client that waits for the result finds its roster changed (2.3.2).
		return reply(sender, Stanzas.result(iq));
	}

	private static List<Delivery> reply(LocalSession sender, Element reply) {
		return List.of(new Delivery(sender.jid(), reply));
	}

}
