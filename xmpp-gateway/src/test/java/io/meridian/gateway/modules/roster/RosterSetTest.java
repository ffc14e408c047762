package io.meridian.gateway.modules.roster;

import org.junit.jupiter.api.Test;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The checks of RFC 6121 2.3.3 on a roster set, before anything is stored. */
class RosterSetTest {

	private static final Jid OWNER = Jid.parse("romeo@montague.example");

	@Test
	void readsNameAndGroupsAndIgnoresWhatOnlyTheServerSets() throws Exception {
		RosterSet set = RosterSet.parse(query("<item jid='Juliet@Capulet.example' name='Juliet' subscription='both' ask='subscribe'>"
				+ "<group>Friends</group><group>Lovers</group></item>"), OWNER);
		assertThat(set).isEqualTo(new RosterSet(Jid.parse("juliet@capulet.example"), "Juliet", java.util.List.of("Friends", "Lovers"), false));
	}

	@Test
	void readsARemoval() throws Exception {
		assertThat(RosterSet.parse(query("<item jid='juliet@capulet.example' subscription='remove'/>"), OWNER).remove()).isTrue();
	}

	@Test
	void moreThanOneItemIsABadRequest() {
		assertRefused("<item jid='a@example.com'/><item jid='b@example.com'/>", StanzaError.BAD_REQUEST);
	}

	@Test
	void noItemIsABadRequest() {
		assertRefused("", StanzaError.BAD_REQUEST);
	}

	@Test
	void aDuplicateGroupIsABadRequest() {
		assertRefused("<item jid='a@example.com'><group>X</group><group>X</group></item>", StanzaError.BAD_REQUEST);
	}

	@Test
	void anEmptyGroupIsNotAcceptable() {
		assertRefused("<item jid='a@example.com'><group></group></item>", StanzaError.NOT_ACCEPTABLE);
	}

	@Test
	void tooLongNamesAreNotAcceptable() {
		String longName = "n".repeat(RosterSet.MAX_NAME + 1);
		assertRefused("<item jid='a@example.com' name='" + longName + "'/>", StanzaError.NOT_ACCEPTABLE);
		assertRefused("<item jid='a@example.com'><group>" + longName + "</group></item>", StanzaError.NOT_ACCEPTABLE);
	}

	@Test
	void aMalformedJidIsJidMalformed() {
		assertRefused("<item jid='a@b@example.com'/>", StanzaError.JID_MALFORMED);
	}

	@Test
	void theOwnerIsNoContact() {
		assertRefused("<item jid='romeo@montague.example'/>", StanzaError.NOT_ALLOWED);
	}

	@Test
	void aFullJidIsABadRequest() {
		assertRefused("<item jid='juliet@capulet.example/balcony'/>", StanzaError.BAD_REQUEST);
	}

	@Test
	void theAdminApiChecksItsContactsWithTheSameRulesAndNamesThePartAtFault() throws Exception {
		assertThat(RosterSet.of(OWNER, Jid.parse("juliet@capulet.example"), "", java.util.List.of("Friends")))
			.isEqualTo(new RosterSet(Jid.parse("juliet@capulet.example"), null, java.util.List.of("Friends"), false));
		assertOfRefused(OWNER, "jid", null);
		assertOfRefused(Jid.parse("juliet@capulet.example/balcony"), "jid", null);
		assertOfRefused(Jid.parse("juliet@capulet.example"), "name", "x".repeat(RosterSet.MAX_NAME + 1));
		assertOfRefused(Jid.parse("juliet@capulet.example"), "groups", null, "Friends", "Friends");
		assertOfRefused(Jid.parse("juliet@capulet.example"), "groups", null, "");
	}

	private static void assertOfRefused(Jid contact, String field, String name, String... groups) {
		assertThatExceptionOfType(RosterSet.Refused.class).isThrownBy(() -> RosterSet.of(OWNER, contact, name, java.util.List.of(groups)))
			.satisfies(refused -> assertThat(refused.field()).isEqualTo(field));
	}

	private static void assertRefused(String items, StanzaError error) {
		assertThatExceptionOfType(RosterSet.Refused.class).isThrownBy(() -> RosterSet.parse(query(items), OWNER))
			.satisfies(refused -> assertThat(refused.error()).isEqualTo(error));
	}

	private static Element query(String items) {
		return Xml.parse("<query xmlns='jabber:iq:roster'>" + items + "</query>");
	}

}
