package io.meridian.gateway.modules.roster;

import java.util.ArrayList;
import java.util.List;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.Stanzas;

/**
 * What one subscription stanza between a local user and a local contact does to both accounts:
 * the user's server handles it as outbound (RFC 6121 A.2), the contact's server as inbound
 * (A.3), and both servers are this one, so both sides change together. Pure: the caller loads
 * the two items, stores the results and delivers the stanzas.
 *
 * @param userBefore the user's item for the contact before
 * @param user the user's item after; {@link RosterItem#isEmpty() empty} when its row goes
 * @param contactBefore the contact's item for the user before
 * @param contact the contact's item after
 * @param toContact stanzas for the contact's available resources, in order
 * @param toUser stanzas for the user's available resources: the contact's server answering for the contact
 */
public record SubscriptionExchange(RosterItem userBefore, RosterItem user, RosterItem contactBefore, RosterItem contact,
		List<Element> toContact, List<Element> toUser) {

	public SubscriptionExchange {
		toContact = List.copyOf(toContact);
		toUser = List.copyOf(toUser);
	}

	/**
	 * A subscription stanza the user sends.
	 *
	 * @param stanza a presence of type subscribe, subscribed, unsubscribe or unsubscribed, stamped
	 *     with the user's bare JID as {@code from} and the contact's bare JID as {@code to}
	 * @param user the user's item for the contact ({@link RosterItem#absent} when none)
	 * @param contact the contact's item for the user ({@link RosterItem#absent} when none)
	 * @param contactExists whether the contact has an account here; without one only the user's side changes
	 */
	public static SubscriptionExchange send(Element stanza, RosterItem user, RosterItem contact, boolean contactExists) {
		String type = stanza.attribute("type");
		return switch (type) {
			case "subscribe" -> subscribe(stanza, user, contact, contactExists);
			case "subscribed" -> {
				SubscriptionState state = user.state().outboundSubscribed();
				// Approving (3.1.4) or pre-approving (3.4.2) puts the contact on the user's roster.
				RosterItem after = state.equals(user.state()) ? user : user.withState(state).onRoster();
				yield inbound(stanza, user, after, contact, contactExists ? contact.withState(contact.state().inboundSubscribed()) : contact);
			}
			case "unsubscribe" -> inbound(stanza, user, user.withState(user.state().outboundUnsubscribe()), contact,
					contactExists ? contact.withState(contact.state().inboundUnsubscribe()) : contact);
			case "unsubscribed" -> inbound(stanza, user, user.withState(user.state().outboundUnsubscribed()), contact,
					contactExists ? contact.withState(contact.state().inboundUnsubscribed()) : contact);
			default -> throw new IllegalArgumentException("not a subscription stanza: " + type);
		};
	}

	/**
	 * The user removes the contact from the roster (RFC 6121 2.5.2): its subscriptions both ways
	 * and its pending requests end as if the user had sent "unsubscribe" and "unsubscribed".
	 *
	 * @param user the user's item for the contact
	 * @param contact the contact's item for the user ({@link RosterItem#absent} when none)
	 */
	public static SubscriptionExchange remove(RosterItem user, RosterItem contact, boolean contactExists) {
		Jid userJid = contact.jid();
		SubscriptionState state = user.state();
		List<Element> toContact = new ArrayList<>();
		RosterItem after = contact;
		if (contactExists && (state.subscription().to() || state.pendingOut())) {
			RosterItem next = after.withState(after.state().inboundUnsubscribe());
			if (!next.state().equals(after.state())) {
				toContact.add(presence("unsubscribe", userJid, user.jid()));
			}
			after = next;
		}
		if (contactExists && (state.subscription().from() || state.pendingIn())) {
			RosterItem next = after.withState(after.state().inboundUnsubscribed());
			if (!next.state().equals(after.state())) {
				toContact.add(presence("unsubscribed", userJid, user.jid()));
			}
			after = next;
		}
		return new SubscriptionExchange(user, RosterItem.absent(user.jid()), contact, after, toContact, List.of());
	}

	/**
	 * An operator sets the subscription between two accounts of this gateway. No single stanza
	 * does that, so the exchanges the two clients could have made to reach it are applied in
	 * turn: the result is a state the Appendix A tables lead to, with nothing left pending
	 * between the two (requests and pre-approvals end). The user's roster holds the contact
	 * afterwards. No stanza is meant for delivery: clients learn of it from roster pushes and the
	 * presence that starts or stops.
	 *
	 * @param user the user's item for the contact ({@link RosterItem#absent} when none)
	 * @param contact the contact's item for the user ({@link RosterItem#absent} when none)
	 * @param target the user's subscription afterwards; the contact's is its mirror image
	 */
	public static SubscriptionExchange settle(RosterItem user, RosterItem contact, Subscription target) {
		Pair pair = new Pair(user, contact);
		// The user's subscription to the contact: asked for and approved, or cancelled by the contact.
		pair = target.to() ? pair.userSends("subscribe").contactSends("subscribed") : pair.contactSends("unsubscribed");
		// The contact's subscription to the user, the same the other way.
		pair = target.from() ? pair.contactSends("subscribe").userSends("subscribed") : pair.userSends("unsubscribed");
		return new SubscriptionExchange(user, pair.user().onRoster(), contact, pair.contact(), List.of(), List.of());
	}

	/** The two items while {@link #settle} runs its exchanges, each applied through {@link #send}. */
	private record Pair(RosterItem user, RosterItem contact) {

		Pair userSends(String type) {
			SubscriptionExchange exchange = send(presence(type, this.contact.jid(), this.user.jid()), this.user, this.contact, true);
			return new Pair(exchange.user(), exchange.contact());
		}

		Pair contactSends(String type) {
			SubscriptionExchange exchange = send(presence(type, this.user.jid(), this.contact.jid()), this.contact, this.user, true);
			return new Pair(exchange.contact(), exchange.user());
		}

	}

	private static SubscriptionExchange subscribe(Element stanza, RosterItem user, RosterItem contact, boolean contactExists) {
		// The user's server puts the contact on the roster with ask='subscribe' (3.1.2) and always routes the request.
		RosterItem asked = user.withState(user.state().outboundSubscribe()).onRoster();
		Jid userJid = contact.jid();
		if (!contactExists) {
			// There is no such account: the contact's server refuses for it (RFC 6121 8.5.1).
			return answered(user, asked, contact, contact, presence("unsubscribed", user.jid(), userJid));
		}
		RosterItem requested = contact.withState(contact.state().inboundSubscribe());
		if (contact.state().approvesRequests()) {
			// Subscribed already or pre-approved: the contact's server answers for the contact (3.1.3, 3.4.2).
			return answered(user, asked, contact, requested, presence("subscribed", user.jid(), userJid));
		}
		if (requested.state().equals(contact.state())) {
			// Already pending: the contact has the request, or gets it at its next login.
			return new SubscriptionExchange(user, asked, contact, contact, List.of(), List.of());
		}
		return new SubscriptionExchange(user, asked, contact, requested.withRequest(stanza.toXml()), List.of(stanza), List.of());
	}

	/** The contact's server answers the request itself; the answer is inbound at the user's side (A.3.3, A.3.4). */
	private static SubscriptionExchange answered(RosterItem userBefore, RosterItem asked, RosterItem contactBefore, RosterItem contact,
			Element answer) {
		SubscriptionState state = answer.attribute("type").equals("subscribed") ? asked.state().inboundSubscribed()
				: asked.state().inboundUnsubscribed();
		List<Element> toUser = state.equals(asked.state()) ? List.of() : List.of(answer);
		return new SubscriptionExchange(userBefore, asked.withState(state), contactBefore, contact, List.of(), toUser);
	}

	/** The stanza reaches the contact only where it changed the contact's state (the "deliver" column of A.3). */
	private static SubscriptionExchange inbound(Element stanza, RosterItem userBefore, RosterItem user, RosterItem contactBefore,
			RosterItem contact) {
		List<Element> toContact = contact.state().equals(contactBefore.state()) ? List.of() : List.of(stanza);
		return new SubscriptionExchange(userBefore, user, contactBefore, contact, toContact, List.of());
	}

	private static Element presence(String type, Jid from, Jid to) {
		return Element.builder("presence", Stanzas.CLIENT)
			.attribute("from", from.toString())
			.attribute("to", to.toString())
			.attribute("type", type)
			.build();
	}

}
