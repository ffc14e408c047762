package io.meridian.gateway.modules.roster;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;

/**
 * A roster set (RFC 6121 2.3 to 2.5), checked as 2.3.3 requires before anything changes. The
 * admin API checks its contacts with the same rules ({@link #of}).
 *
 * @param jid the contact's bare JID
 * @param name the name to give it, or null for none
 * @param groups the groups to put it in
 * @param remove whether it is a removal ({@code subscription='remove'})
 */
public record RosterSet(Jid jid, String name, List<String> groups, boolean remove) {

	/** Longest item name and group name, in characters (2.3.3 leaves the limit to the server). */
	static final int MAX_NAME = 1023;

	/** Longest contact JID: the width of the stored column. */
	static final int MAX_JID = 255;

	/** A roster set the server refuses, with the error 2.3.3 prescribes and the part of the item at fault. */
	public static final class Refused extends Exception {

		private final StanzaError error;

		private final String field;

		Refused(StanzaError error, String field, String text) {
			super(text, null, false, false);
			this.error = error;
			this.field = field;
		}

		StanzaError error() {
			return this.error;
		}

		/** {@code jid}, {@code name} or {@code groups}. */
		public String field() {
			return this.field;
		}

	}

	/**
	 * @param query the {@code <query/>} of the set
	 * @param owner the bare JID of the roster's account
	 * @throws Refused when the set breaks a rule of 2.3.3, or names the owner or an unusable JID
	 */
	static RosterSet parse(Element query, Jid owner) throws Refused {
		List<Element> items = query.elements().stream().filter(e -> e.name().equals("item") && e.namespace().equals(RosterHandler.NAMESPACE)).toList();
		if (items.size() != 1) {
			throw new Refused(StanzaError.BAD_REQUEST, "item", "a roster set carries exactly one item");
		}
		Element item = items.getFirst();
		String jidText = item.attribute("jid");
		if (jidText == null) {
			throw new Refused(StanzaError.BAD_REQUEST, "jid", "the item has no jid");
		}
		Jid jid;
		try {
			jid = Jid.parse(jidText);
		}
		catch (IllegalArgumentException ex) {
			throw new Refused(StanzaError.JID_MALFORMED, "jid", ex.getMessage());
		}
		// Any other subscription value, and 'ask' and 'approved', are the server's to set (2.1.2.5): ignored.
		if ("remove".equals(item.attribute("subscription"))) {
			return new RosterSet(contact(jid, owner), null, List.of(), true);
		}
		List<String> groups = item.elements()
			.stream()
			.filter(group -> group.name().equals("group") && group.namespace().equals(RosterHandler.NAMESPACE))
			.map(Element::text)
			.toList();
		return of(owner, jid, item.attribute("name"), groups);
	}

	/**
	 * A roster set that adds or updates an item.
	 *
	 * @param owner the bare JID of the roster's account
	 * @param jid the contact
	 * @param name its name; null or empty for none
	 * @param groups its groups
	 * @throws Refused when the item breaks a rule of 2.3.3, or names the owner or a full JID
	 */
	public static RosterSet of(Jid owner, Jid jid, String name, List<String> groups) throws Refused {
		contact(jid, owner);
		if (name != null && name.length() > MAX_NAME) {
			throw new Refused(StanzaError.NOT_ACCEPTABLE, "name", "names have at most " + MAX_NAME + " characters");
		}
		Set<String> seen = new HashSet<>();
		for (String group : groups) {
			if (group.isEmpty()) {
				throw new Refused(StanzaError.NOT_ACCEPTABLE, "groups", "a group needs a name");
			}
			if (group.length() > MAX_NAME) {
				throw new Refused(StanzaError.NOT_ACCEPTABLE, "groups", "group names have at most " + MAX_NAME + " characters");
			}
			if (!seen.add(group)) {
				throw new Refused(StanzaError.BAD_REQUEST, "groups", "the group " + group + " is named twice");
			}
		}
		return new RosterSet(jid, (name == null || name.isEmpty()) ? null : name, List.copyOf(groups), false);
	}

	private static Jid contact(Jid jid, Jid owner) throws Refused {
		if (!jid.isBare()) {
			throw new Refused(StanzaError.BAD_REQUEST, "jid", "roster items are bare JIDs");
		}
		if (jid.equals(owner.bare())) {
			throw new Refused(StanzaError.NOT_ALLOWED, "jid", "your own JID is not a contact");
		}
		if (jid.toString().length() > MAX_JID) {
			throw new Refused(StanzaError.NOT_ACCEPTABLE, "jid", "contact JIDs have at most " + MAX_JID + " characters");
		}
		return jid;
	}

}
