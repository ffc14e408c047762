package io.meridian.gateway.modules.roster;

import java.util.List;
import java.util.Objects;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;

/**
 * What a user's account holds about one contact: the roster item the user sees, and the
 * subscription state behind it. A contact's unanswered request is kept even when the contact is
 * not on the roster (RFC 6121 3.1.3 says not to add it), as an unlisted item.
 *
 * @param jid the contact's bare JID
 * @param name the name the user gave the contact, or null
 * @param groups the user's groups for the contact
 * @param state the subscription state with the contact
 * @param listed whether the contact is on the roster (an unlisted item only keeps a pending request)
 * @param request the contact's pending subscription request as it arrived, to deliver again at login; null when none
 */
public record RosterItem(Jid jid, String name, List<String> groups, SubscriptionState state, boolean listed, String request) {

	public RosterItem {
		Objects.requireNonNull(jid, "jid");
		// Groups have no order (RFC 6121 2.1.2.2): sorted, a reordering is no change.
		groups = groups.stream().sorted().toList();
		Objects.requireNonNull(state, "state");
		if (!state.pendingIn()) {
			request = null;
		}
	}

	/** No row: the contact is unknown to the user's account. */
	public static RosterItem absent(Jid jid) {
		return new RosterItem(jid, null, List.of(), SubscriptionState.NONE, false, null);
	}

	/** Whether there is nothing to keep: not on the roster and no request pending. */
	public boolean isEmpty() {
		return !this.listed && !this.state.pendingIn() && !this.state.preApproved();
	}

	public RosterItem withState(SubscriptionState state) {
		return new RosterItem(this.jid, this.name, this.groups, state, this.listed, this.request);
	}

	public RosterItem withRequest(String request) {
		return new RosterItem(this.jid, this.name, this.groups, this.state, this.listed, request);
	}

	/** On the roster, with this name and these groups. */
	public RosterItem listedAs(String name, List<String> groups) {
		return new RosterItem(this.jid, name, groups, this.state, true, this.request);
	}

	/** On the roster, keeping name and groups. */
	public RosterItem onRoster() {
		return listedAs(this.name, this.groups);
	}

	/** Whether the user would see a difference: the item itself, not what is pending towards the user. */
	public boolean looksLike(RosterItem other) {
		if (!this.listed && !other.listed) {
			return true;
		}
		return this.listed == other.listed && Objects.equals(this.name, other.name) && this.groups.equals(other.groups)
				&& this.state.subscription() == other.state.subscription() && this.state.pendingOut() == other.state.pendingOut()
				&& this.state.preApproved() == other.state.preApproved();
	}

	/** The {@code <item/>} of roster results and pushes (RFC 6121 2.1.2); an unlisted item as a removal. */
	public Element toElement() {
		Element.Builder item = Element.builder("item", RosterHandler.NAMESPACE).attribute("jid", this.jid.toString());
		if (!this.listed) {
			return item.attribute("subscription", "remove").build();
		}
		item.attribute("name", this.name)
			.attribute("subscription", this.state.subscription().value())
			.attribute("ask", this.state.pendingOut() ? "subscribe" : null)
			.attribute("approved", this.state.preApproved() ? "true" : null);
		this.groups.forEach(group -> item.child(Element.builder("group", RosterHandler.NAMESPACE).text(group).build()));
		return item.build();
	}

}
