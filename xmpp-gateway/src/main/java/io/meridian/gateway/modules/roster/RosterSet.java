package io.meridian.gateway.modules.roster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;

/**
 * A roster set (RFC 6121 2.3 to 2.5), checked as 2.3.3 requires before anything changes.
 *
 * @param jid the contact's bare JID
 * @param name the name to give it, or null for none
 * @param groups the groups to put it in
 * @param remove whether it is a removal ({@code subscription='remove'})
 */
record RosterSet(Jid jid, String name, List<String> groups, boolean remove) {

	/** Longest item name and group name, in characters (2.3.3 leaves the limit to the server). */
	static final int MAX_NAME = 1023;

	/** Longest contact JID: the width of the stored column. */
	static final int MAX_JID = 255;

	/** A roster set the server refuses, with the error 2.3.3 prescribes. */
	static final class Refused extends Exception {

		private final StanzaError error;

		Refused(StanzaError error, String text) {
			super(text, null, false, false);
			this.error = error;
		}

		StanzaError error() {
			return this.error;
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
			throw new Refused(StanzaError.BAD_REQUEST, "a roster set carries exactly one item");
		}
		Element item = items.getFirst();
		String jidText = item.attribute("jid");
		if (jidText == null) {
			throw new Refused(StanzaError.BAD_REQUEST, "the item has no jid");
		}
		Jid jid;
		try {
			jid = Jid.parse(jidText);
		}
		catch (IllegalArgumentException ex) {
			throw new Refused(StanzaError.JID_MALFORMED, ex.getMessage());
		}
		if (!jid.isBare()) {
			throw new Refused(StanzaError.BAD_REQUEST, "roster items are bare JIDs");
		}
		if (jid.equals(owner.bare())) {
			throw new Refused(StanzaError.NOT_ALLOWED, "your own JID is not a contact");
		}
		if (jid.toString().length() > MAX_JID) {
			throw new Refused(StanzaError.NOT_ACCEPTABLE, "contact JIDs have at most " + MAX_JID + " characters");
		}
		// Any other subscription value, and 'ask' and 'approved', are the server's to set (2.1.2.5): ignored.
		if ("remove".equals(item.attribute("subscription"))) {
			return new RosterSet(jid, null, List.of(), true);
		}
		String name = item.attribute("name");
		if (name != null && name.length() > MAX_NAME) {
			throw new Refused(StanzaError.NOT_ACCEPTABLE, "names have at most " + MAX_NAME + " characters");
		}
		List<String> groups = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Element group : item.elements()) {
			if (!group.name().equals("group") || !group.namespace().equals(RosterHandler.NAMESPACE)) {
				continue;
			}
			String text = group.text();
			if (text.isEmpty()) {
				throw new Refused(StanzaError.NOT_ACCEPTABLE, "a group needs a name");
			}
			if (text.length() > MAX_NAME) {
				throw new Refused(StanzaError.NOT_ACCEPTABLE, "group names have at most " + MAX_NAME + " characters");
			}
			if (!seen.add(text)) {
				throw new Refused(StanzaError.BAD_REQUEST, "the group " + text + " is named twice");
			}
			groups.add(text);
		}
		return new RosterSet(jid, (name == null || name.isEmpty()) ? null : name, groups, false);
	}

}
