package io.meridian.gateway.modules.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.domain.HostedDomains;
import io.meridian.gateway.routing.Delivery;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.routing.SessionRegistry;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.Stanzas;

/**
 * Every change of the stored rosters: roster sets (RFC 6121 section 2) and presence
 * subscriptions between the accounts of this gateway (section 3). A subscription applies a
 * {@link SubscriptionExchange} to both accounts in one transaction; then everybody concerned is
 * told: roster pushes, the subscription stanza, and the presence that starts or stops flowing.
 * <p>
 * Unlike a handler, this writes its stanzas itself, while it still holds the accounts: a push
 * carries the item as one transaction left it, so pushes of one roster must reach the client in
 * commit order or the client keeps a stale item.
 */
public class RosterChanges {

	private final RosterStore store;

	private final SessionRegistry sessions;

	private final Accounts accounts;

	private final HostedDomains domains;

	private final AccountLocks locks = new AccountLocks(256);

	public RosterChanges(RosterStore store, SessionRegistry sessions, Accounts accounts, HostedDomains domains) {
		this.store = store;
		this.sessions = sessions;
		this.accounts = accounts;
		this.domains = domains;
	}

	/**
	 * A subscription stanza a user sends.
	 *
	 * @param user the user's bare JID
	 * @param presence the stanza (type subscribe, subscribed, unsubscribe or unsubscribed)
	 * @param contact the contact's bare JID, on a served domain
	 */
	public void subscription(Jid user, Element presence, Jid contact) {
		// The user's server stamps the bare JIDs (RFC 6121 3.1.2): subscriptions are between accounts.
		Element stanza = presence.withAttribute("from", user.toString()).withAttribute("to", contact.toString());
		boolean contactExists = exists(contact);
		List<Jid> owners = contactExists ? List.of(user, contact) : List.of(user);
		this.locks.holding(owners, () -> {
			Applied applied = this.store.change(owners, rows -> {
				RosterItem mine = rows.item(user, contact);
				RosterItem theirs = contactExists ? rows.item(contact, user) : RosterItem.absent(user);
				return save(rows, user, contact, SubscriptionExchange.send(stanza, mine, theirs, contactExists));
			});
			deliver(deliveries(user, contact, applied));
			return null;
		});
	}

	/**
	 * Removes an item from the user's roster and ends the subscriptions with the contact (RFC 6121 2.5.2).
	 * @return false when the contact is not on the roster
	 */
	public boolean remove(Jid user, Jid contact) {
		boolean contactExists = exists(contact);
		List<Jid> owners = contactExists ? List.of(user, contact) : List.of(user);
		return this.locks.holding(owners, () -> {
			Applied applied = this.store.change(owners, rows -> {
				RosterItem mine = rows.item(user, contact);
				if (!mine.listed()) {
					return null;
				}
				RosterItem theirs = contactExists ? rows.item(contact, user) : RosterItem.absent(user);
				return save(rows, user, contact, SubscriptionExchange.remove(mine, theirs, contactExists));
			});
			if (applied == null) {
				return false;
			}
			deliver(deliveries(user, contact, applied));
			return true;
		});
	}

	/**
	 * Adds a contact to the user's roster or changes its name and groups (RFC 6121 2.3, 2.4).
	 * @return the item as it is now, and whether it was not on the roster before
	 */
	public Updated update(Jid user, Jid contact, String name, List<String> groups) {
		return this.locks.holding(List.of(user), () -> {
			Saved saved = this.store.change(List.of(user), rows -> {
				RosterItem before = rows.item(user, contact);
				RosterItem after = before.listedAs(name, groups);
				return new Saved(after, rows.save(user, before, after), !before.listed());
			});
			// 2.3.2: a push even when nothing changed; the client that sent the set waits for one.
			deliver(pushes(user, saved.item(), saved.version()));
			return new Updated(saved.item(), saved.added());
		});
	}

	/**
	 * Sets the subscription between two accounts of this gateway on both rosters at once (see
	 * {@link SubscriptionExchange#settle}), for the operator: both get roster pushes, and presence
	 * starts or stops flowing, but no subscription stanza is sent.
	 *
	 * @param user a user with an account here
	 * @param contact another user with an account here
	 * @param subscription the user's subscription to the contact afterwards
	 * @return the user's item and the contact's item afterwards
	 */
	public Settled settle(Jid user, Jid contact, Subscription subscription) {
		List<Jid> owners = List.of(user, contact);
		return this.locks.holding(owners, () -> {
			Applied applied = this.store.change(owners,
					rows -> save(rows, user, contact, SubscriptionExchange.settle(rows.item(user, contact), rows.item(contact, user), subscription)));
			deliver(deliveries(user, contact, applied));
			return new Settled(applied.exchange().user(), applied.exchange().contact());
		});
	}

	private boolean exists(Jid jid) {
		return jid.local() != null && this.domains.isServed(jid.domain()) && this.accounts.exists(jid.local(), jid.domain());
	}

	private static Applied save(RosterStore.Rows rows, Jid user, Jid contact, SubscriptionExchange exchange) {
		long userVersion = rows.save(user, exchange.userBefore(), exchange.user());
		long contactVersion = exchange.contactBefore().equals(exchange.contact()) ? 0 : rows.save(contact, exchange.contactBefore(), exchange.contact());
		return new Applied(exchange, userVersion, contactVersion);
	}

	private void deliver(List<Delivery> deliveries) {
		deliveries.forEach(this.sessions::deliver);
	}

	private List<Delivery> deliveries(Jid user, Jid contact, Applied applied) {
		SubscriptionExchange exchange = applied.exchange();
		List<Delivery> out = new ArrayList<>();
		if (!exchange.userBefore().looksLike(exchange.user())) {
			out.addAll(pushes(user, exchange.user(), applied.userVersion()));
		}
		if (!exchange.contactBefore().looksLike(exchange.contact())) {
			out.addAll(pushes(contact, exchange.contact(), applied.contactVersion()));
		}
		exchange.toContact().forEach(stanza -> out.addAll(toAvailable(contact, stanza)));
		exchange.toUser().forEach(stanza -> out.addAll(toAvailable(user, stanza)));
		// Presence starts or stops flowing with the subscription (RFC 6121 3.1.4, 3.2.2, 3.3.3).
		out.addAll(presenceFlow(contact, user, exchange.contactBefore().state().subscription().from(),
				exchange.contact().state().subscription().from()));
		out.addAll(presenceFlow(user, contact, exchange.userBefore().state().subscription().from(),
				exchange.user().state().subscription().from()));
		return out;
	}

	/** Roster pushes of one item to the owner's interested resources (RFC 6121 2.1.6). */
	private List<Delivery> pushes(Jid owner, RosterItem item, long version) {
		List<Delivery> out = new ArrayList<>();
		for (LocalSession session : this.sessions.sessions(owner)) {
			if (session.interested()) {
				Element push = Element.builder("iq", Stanzas.CLIENT)
					.attribute("type", "set")
					.attribute("id", "push-" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
					.attribute("to", session.jid().toString())
					.child(Element.builder("query", RosterHandler.NAMESPACE).attribute("ver", Long.toString(version)).child(item.toElement()).build())
					.build();
				out.add(new Delivery(session.jid(), push));
			}
		}
		return out;
	}

	/** The stanza for every available resource of an account (RFC 6121 8.5.2.1). */
	private List<Delivery> toAvailable(Jid bare, Element stanza) {
		return this.sessions.sessions(bare).stream().filter(LocalSession::available).map(s -> new Delivery(s.jid(), stanza)).toList();
	}

	/**
	 * When {@code to} gains a subscription to {@code from}, it gets the current presence of each of
	 * {@code from}'s available resources; when it loses one, their unavailable presence.
	 */
	private List<Delivery> presenceFlow(Jid from, Jid to, boolean before, boolean after) {
		if (before == after) {
			return List.of();
		}
		List<Delivery> out = new ArrayList<>();
		for (LocalSession source : this.sessions.sessions(from)) {
			Element presence = source.presence();
			if (presence == null) {
				continue;
			}
			for (LocalSession target : this.sessions.sessions(to)) {
				if (target.available()) {
					Element sent = after ? presence : Element.builder("presence", Stanzas.CLIENT)
						.attribute("from", source.jid().toString())
						.attribute("type", "unavailable")
						.build();
					out.add(new Delivery(target.jid(), sent.withAttribute("to", target.jid().toString())));
				}
			}
		}
		return out;
	}

	private record Applied(SubscriptionExchange exchange, long userVersion, long contactVersion) {
	}

	private record Saved(RosterItem item, long version, boolean added) {
	}

	/**
	 * @param item the item as it is now
	 * @param added whether it was not on the roster before
	 */
	public record Updated(RosterItem item, boolean added) {
	}

	/**
	 * @param user the user's item for the contact
	 * @param contact the contact's item for the user; not {@link RosterItem#listed() listed} when the contact's roster does not hold the user
	 */
	public record Settled(RosterItem user, RosterItem contact) {
	}

}
