package io.meridian.gateway.modules.presence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.meridian.gateway.modules.roster.RosterItem;
import io.meridian.gateway.modules.roster.RosterStore;
import io.meridian.gateway.modules.roster.RosterChanges;
import io.meridian.gateway.routing.Delivery;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.routing.OfflineStorage;
import io.meridian.gateway.routing.PresenceHandler;
import io.meridian.gateway.routing.SessionRegistry;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;
import io.meridian.gateway.stanza.Xml;

/**
 * Presence of local sessions (RFC 6121 section 4), between the accounts of this gateway: a
 * broadcast goes to the user's subscribers and own resources, an initial one also collects the
 * presence of the user's contacts (answering the probes locally) and the subscription requests
 * waiting for the user, and hands over the user's offline messages; directed presence is
 * remembered so its recipients hear the unavailable presence too. Subscription stanzas go to
 * {@link RosterChanges}, which tells everybody concerned.
 */
public class PresenceModule implements PresenceHandler {

	private static final Logger log = LoggerFactory.getLogger(PresenceModule.class);

	private final SessionRegistry sessions;

	private final RosterStore store;

	private final RosterChanges changes;

	private final OfflineStorage offline;

	public PresenceModule(SessionRegistry sessions, RosterStore store, RosterChanges changes, OfflineStorage offline) {
		this.sessions = sessions;
		this.store = store;
		this.changes = changes;
		this.offline = offline;
	}

	/** Broadcasts read the roster (and take offline messages), subscriptions write it; directed presence, probes and errors only look at sessions. */
	@Override
	public boolean blocking(LocalSession sender, Element presence, Jid target) {
		String type = presence.attribute("type");
		if (type == null || type.equals("unavailable")) {
			// An unavailable broadcast of a resource nobody saw available reads nothing (see broadcast).
			return target == null && (type == null || sender.available());
		}
		return switch (type) {
			case "subscribe", "subscribed", "unsubscribe", "unsubscribed" -> target != null && !target.bare().equals(sender.jid().bare());
			default -> false;
		};
	}

	@Override
	public List<Delivery> handle(LocalSession sender, Element presence, Jid target) {
		String type = presence.attribute("type");
		if (type == null || type.equals("unavailable")) {
			return (target == null) ? broadcast(sender, presence, type == null) : directed(sender, presence, target, type == null);
		}
		return switch (type) {
			case "subscribe", "subscribed", "unsubscribe", "unsubscribed" -> subscription(sender, presence, target);
			// Probes are the server's business (4.3); between local accounts they are answered without being sent.
			case "probe" -> List.of();
			case "error" -> (target == null) ? List.of() : List.copyOf(deliver(new LinkedHashMap<>(), target, presence).values());
			default -> List.of(new Delivery(sender.jid(), StanzaError.BAD_REQUEST.replyTo(presence, "no presence type " + type)));
		};
	}

	private List<Delivery> subscription(LocalSession sender, Element presence, Jid target) {
		if (target == null) {
			return List.of(new Delivery(sender.jid(), StanzaError.BAD_REQUEST.replyTo(presence, "a subscription stanza needs a 'to'")));
		}
		Jid user = sender.jid().bare();
		if (target.bare().equals(user)) {
			// An account always has its own presence; there is nothing to subscribe to.
			return List.of();
		}
		// 3.1.3: a subscription addressed to a full JID is about the bare JID.
		this.changes.subscription(user, presence, target.bare());
		return List.of();
	}

	private List<Delivery> broadcast(LocalSession sender, Element presence, boolean available) {
		boolean wasAvailable = sender.available();
		// XEP-0160: offline messages go to a resource whose priority turns non-negative, not to one it stays negative on.
		boolean mayTakeOffline = !wasAvailable || sender.priority() < 0;
		sender.updatePresence(presence);
		Set<Jid> directed = Set.copyOf(sender.directedPresence());
		if (!available) {
			sender.directedPresence().removeAll(directed);
		}
		if (!available && !wasAvailable) {
			// Nobody saw it available; only those it sent presence to need to hear the end.
			Map<Jid, Delivery> out = new LinkedHashMap<>();
			directed.forEach(jid -> deliver(out, jid, presence));
			return List.copyOf(out.values());
		}
		Jid user = sender.jid().bare();
		List<RosterItem> roster = this.store.read(user).items();
		// Keyed by recipient: a contact that also got directed presence hears it once.
		Map<Jid, Delivery> out = new LinkedHashMap<>();
		for (RosterItem item : roster) {
			if (item.listed() && item.state().subscription().from()) {
				deliver(out, item.jid(), presence);
			}
		}
		for (LocalSession own : this.sessions.sessions(user)) {
			// 4.2.2: the new presence reaches every available resource, the sender's own included.
			if (own.available() && (own != sender || available)) {
				out.put(own.jid(), new Delivery(own.jid(), presence.withAttribute("to", own.jid().toString())));
			}
		}
		if (!available) {
			// 4.6.3: whoever got directed presence hears that it ended.
			directed.forEach(jid -> deliver(out, jid, presence));
			return List.copyOf(out.values());
		}
		List<Delivery> all = new ArrayList<>(out.values());
		if (!wasAvailable) {
			all.addAll(currentPresence(sender, roster));
			all.addAll(pendingRequests(sender, roster));
		}
		// A sender that stays unavailable (a presence the admin API sends in the user's name) has no client to take them.
		if (mayTakeOffline && sender.available() && sender.priority() >= 0) {
			all.addAll(this.offline.take(user).stream().map(message -> new Delivery(sender.jid(), message)).toList());
		}
		return all;
	}

	/**
	 * 4.2.2, 4.3.2: the probes of an initial presence, answered here with the presence of each
	 * available resource of the contacts the user is subscribed to, and of the user's own others.
	 */
	private List<Delivery> currentPresence(LocalSession sender, List<RosterItem> roster) {
		List<Delivery> out = new ArrayList<>();
		List<Jid> sources = new ArrayList<>();
		sources.add(sender.jid().bare());
		roster.stream().filter(item -> item.listed() && item.state().subscription().to()).map(RosterItem::jid).forEach(sources::add);
		for (Jid source : sources) {
			for (LocalSession session : this.sessions.sessions(source)) {
				Element presence = session.presence();
				if (presence != null && session != sender) {
					out.add(new Delivery(sender.jid(), presence.withAttribute("to", sender.jid().toString())));
				}
			}
		}
		return out;
	}

	/** 3.1.3: requests that arrived while the user was away, delivered at every login until answered. */
	private List<Delivery> pendingRequests(LocalSession sender, List<RosterItem> roster) {
		List<Delivery> out = new ArrayList<>();
		for (RosterItem item : roster) {
			if (item.state().pendingIn()) {
				out.add(new Delivery(sender.jid(), request(item, sender.jid().bare())));
			}
		}
		return out;
	}

	private static Element request(RosterItem item, Jid user) {
		if (item.request() != null) {
			try {
				return Xml.parse(item.request());
			}
			catch (IllegalArgumentException ex) {
				log.warn("Stored subscription request from {} to {} is unreadable; sending a bare one: {}", item.jid(), user, ex.getMessage());
			}
		}
		return Element.builder("presence", Stanzas.CLIENT)
			.attribute("from", item.jid().toString())
			.attribute("to", user.toString())
			.attribute("type", "subscribe")
			.build();
	}

	private List<Delivery> directed(LocalSession sender, Element presence, Jid target, boolean available) {
		if (!target.bare().equals(sender.jid().bare())) {
			if (available) {
				sender.directedPresence().add(target);
			}
			else {
				sender.directedPresence().remove(target);
			}
		}
		return List.copyOf(deliver(new LinkedHashMap<>(), target, presence).values());
	}

	/**
	 * Presence for a JID: a full JID reaches that session if it is connected, a bare JID every
	 * available resource (RFC 6121 8.5.2.1.1, 8.5.3.1); an account without one gets nothing.
	 */
	private Map<Jid, Delivery> deliver(Map<Jid, Delivery> out, Jid to, Element presence) {
		if (to.isBare()) {
			for (LocalSession session : this.sessions.sessions(to)) {
				if (session.available()) {
					out.putIfAbsent(session.jid(), new Delivery(session.jid(), presence.withAttribute("to", session.jid().toString())));
				}
			}
		}
		else {
			LocalSession session = this.sessions.session(to);
			if (session != null) {
				out.putIfAbsent(session.jid(), new Delivery(session.jid(), presence));
			}
		}
		return out;
	}

}
