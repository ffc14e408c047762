package io.meridian.admin;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.awaitility.core.ConditionFactory;
import org.jivesoftware.smack.roster.AbstractRosterListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /contacts: roster changes an operator makes, as the users' Smack clients see them. */
class RostersApiIT extends AbstractAdminIT {

	@Test
	void anAddedContactReachesTheOnlineClientAsARosterPushAndIsListed() throws Exception {
		String alice = user();
		String bob = user();
		register("localhost", alice, "pw");
		register("localhost", bob, "pw");
		Roster roster = loadedRoster(login(alice, "pw"));
		BlockingQueue<Jid> added = new LinkedBlockingQueue<>();
		roster.addRosterListener(new AbstractRosterListener() {
			@Override
			public void entriesAdded(Collection<Jid> addresses) {
				added.addAll(addresses);
			}
		});

		AdminHttp.Answer created = ops().post("/contacts/" + alice + "@localhost",
				"{\"jid\":\"" + bob + "@localhost\",\"name\":\"Bob\",\"groups\":[\"Friends\",\"Work\"]}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + this.port + "/contacts/" + alice + "@localhost/" + bob + "@localhost");
		assertThat(created.field("subscription")).isEqualTo("none");

		eventually().until(() -> added.contains(jid(bob)));
		RosterEntry entry = roster.getEntry(jid(bob));
		assertThat(entry.getName()).isEqualTo("Bob");
		assertThat(entry.getGroups()).extracting(g -> g.getName()).containsExactlyInAnyOrder("Friends", "Work");
		assertThat(entry.getType()).isEqualTo(ItemType.none);

		AdminHttp.Answer renamed = ops().post("/contacts/" + alice + "@localhost", "{\"jid\":\"" + bob + "@localhost\",\"name\":\"Robert\"}");
		assertThat(renamed.status()).as("on the roster already").isEqualTo(204);
		eventually().until(() -> "Robert".equals(roster.getEntry(jid(bob)).getName()) && roster.getEntry(jid(bob)).getGroups().isEmpty());

		JsonNode listed = viewer().get("/contacts/" + alice + "@localhost").json();
		assertThat(listed.get("total").asInt()).isEqualTo(1);
		JsonNode item = listed.get("items").get(0);
		assertThat(item.get("jid").asString()).isEqualTo(bob + "@localhost");
		assertThat(item.get("name").asString()).isEqualTo("Robert");
		assertThat(item.get("subscription").asString()).isEqualTo("none");
		assertThat(item.get("pendingOut").asBoolean()).isFalse();
		assertThat(item.get("pendingIn").asBoolean()).isFalse();
	}

	@Test
	void settingBothGivesBothRostersBothAndPresenceFlowsThenRemovingPushesARemoval() throws Exception {
		String alice = user();
		String bob = user();
		register("localhost", alice, "pw");
		register("localhost", bob, "pw");
		XMPPTCPConnection a = login(alice, "pw");
		XMPPTCPConnection b = login(bob, "pw");
		Roster aliceRoster = loadedRoster(a);
		Roster bobRoster = loadedRoster(b);
		a.sendStanza(a.getStanzaFactory().buildPresenceStanza().build());
		b.sendStanza(b.getStanzaFactory().buildPresenceStanza().build());
		BlockingQueue<Jid> deleted = new LinkedBlockingQueue<>();
		aliceRoster.addRosterListener(new AbstractRosterListener() {
			@Override
			public void entriesDeleted(Collection<Jid> addresses) {
				deleted.addAll(addresses);
			}
		});

		AdminHttp.Answer set = ops().put("/contacts/" + alice + "@localhost/" + bob + "@localhost", "{\"subscription\":\"both\"}");
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().get("user").get("subscription").asString()).isEqualTo("both");
		assertThat(set.json().get("contact").get("jid").asString()).isEqualTo(alice + "@localhost");
		assertThat(set.json().get("contact").get("subscription").asString()).isEqualTo("both");

		eventually().until(() -> type(aliceRoster, bob) == ItemType.both && type(bobRoster, alice) == ItemType.both);
		eventually().until(() -> aliceRoster.getPresence(jid(bob)).isAvailable() && bobRoster.getPresence(jid(alice)).isAvailable());
		assertThat(aliceRoster.getPresence(jid(bob)).getFrom().asBareJid().toString()).isEqualTo(bob + "@localhost");

		AdminHttp.Answer oneWay = ops().put("/contacts/" + alice + "@localhost/" + bob + "@localhost", "{\"subscription\":\"to\"}");
		assertThat(oneWay.status()).isEqualTo(200);
		eventually().until(() -> type(aliceRoster, bob) == ItemType.to && type(bobRoster, alice) == ItemType.from);
		// Bob no longer receives Alice's presence; Alice still receives Bob's.
		eventually().until(() -> !bobRoster.getPresence(jid(alice)).isAvailable());
		assertThat(aliceRoster.getPresence(jid(bob)).isAvailable()).isTrue();

		AdminHttp.Answer removed = ops().delete("/contacts/" + alice + "@localhost/" + bob + "@localhost");
		assertThat(removed.status()).as(removed.body()).isEqualTo(204);
		eventually().until(() -> deleted.contains(jid(bob)));
		assertThat(aliceRoster.getEntry(jid(bob))).isNull();
		eventually().until(() -> type(bobRoster, alice) == ItemType.none);
		assertThat(ops().get("/contacts/" + alice + "@localhost").json().get("total").asInt()).isZero();

		AdminHttp.Answer again = ops().delete("/contacts/" + alice + "@localhost/" + bob + "@localhost");
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.field("error")).isEqualTo("UNKNOWN_CONTACT");
	}

	@Test
	void unknownUsersAreNotFoundAndBadInputNamesTheField() {
		String alice = user();
		register("localhost", alice, "pw");
		String path = "/contacts/" + alice + "@localhost";

		AdminHttp.Answer unknownUser = ops().get("/contacts/nobody-" + alice + "@localhost");
		assertThat(unknownUser.status()).isEqualTo(404);
		assertThat(unknownUser.field("error")).isEqualTo("UNKNOWN_ACCOUNT");
		assertThat(ops().post("/contacts/nobody-" + alice + "@localhost", "{\"jid\":\"x@localhost\"}").status()).isEqualTo(404);
		AdminHttp.Answer unknownContact = ops().put(path + "/nobody-" + alice + "@localhost", "{\"subscription\":\"both\"}");
		assertThat(unknownContact.status()).isEqualTo(404);
		assertThat(unknownContact.field("error")).isEqualTo("UNKNOWN_ACCOUNT");
		assertThat(ops().get("/contacts/" + alice + "@nowhere.test").field("error")).isEqualTo("UNKNOWN_DOMAIN");

		assertInvalid(ops().post(path, "{\"jid\":\"a@b@localhost\"}"), "jid", "INVALID_ARGUMENT");
		assertInvalid(ops().post(path, "{\"jid\":\"bob@localhost/phone\"}"), "jid", "INVALID_ARGUMENT");
		assertInvalid(ops().post(path, "{\"jid\":\"" + alice + "@localhost\"}"), "jid", "INVALID_ARGUMENT");
		assertInvalid(ops().post(path, "{\"name\":\"Bob\"}"), "jid", "INVALID_REQUEST");
		assertInvalid(ops().post(path, "{\"jid\":\"bob@localhost\",\"groups\":[\"A\",\"A\"]}"), "groups", "INVALID_ARGUMENT");
		assertInvalid(ops().post(path, "{\"jid\":\"bob@localhost\",\"groups\":\"A\"}"), "groups", "INVALID_REQUEST");
		assertInvalid(ops().post(path, "not json"), "body", "INVALID_REQUEST");
		assertInvalid(ops().get("/contacts/bad%20name@localhost"), "user", "INVALID_ARGUMENT");
		assertInvalid(ops().put(path + "/bob@localhost", "{\"subscription\":\"mutual\"}"), "subscription", "INVALID_REQUEST");
		assertInvalid(ops().put(path + "/bad%20name@localhost", "{\"subscription\":\"both\"}"), "contact", "INVALID_ARGUMENT");
		assertInvalid(ops().put(path + "/" + alice + "@localhost", "{\"subscription\":\"both\"}"), "contact", "INVALID_ARGUMENT");
		assertInvalid(ops().delete(path + "/bad%20name@localhost"), "contact", "INVALID_ARGUMENT");
		assertThat(ops().get(path).json().get("total").asInt()).as("nothing was added").isZero();
	}

	@Test
	void readOnlyUsersMayOnlyReadAndStrangersNothing() {
		String alice = user();
		register("localhost", alice, "pw");
		String path = "/contacts/" + alice + "@localhost";
		assertThat(viewer().get(path).status()).isEqualTo(200);
		AdminHttp.Answer refused = viewer().post(path, "{\"jid\":\"bob@localhost\"}");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.field("message")).contains("read-only");
		assertThat(viewer().put(path + "/bob@localhost", "{\"subscription\":\"both\"}").status()).isEqualTo(403);
		assertThat(viewer().delete(path + "/bob@localhost").status()).isEqualTo(403);
		assertThat(anonymous().get(path).status()).isEqualTo(401);
		assertThat(anonymous().post(path, "{\"jid\":\"bob@localhost\"}").status()).isEqualTo(401);
		assertThat(otherOps().get(path).status()).as("a domain admin of other.test").isEqualTo(403);
		assertThat(ops().get(path).json().get("total").asInt()).isZero();
	}

	private static void assertInvalid(AdminHttp.Answer answer, String field, String error) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.field("field")).as(answer.body()).isEqualTo(field);
		assertThat(answer.field("error")).as(answer.body()).isEqualTo(error);
	}

	/** The client's roster once loaded: from then on the gateway pushes changes to it. */
	private static Roster loadedRoster(XMPPTCPConnection connection) throws Exception {
		Roster roster = Roster.getInstanceFor(connection);
		roster.reloadAndWait();
		return roster;
	}

	private static ItemType type(Roster roster, String username) {
		RosterEntry entry = roster.getEntry(jid(username));
		return (entry != null) ? entry.getType() : null;
	}

	private static BareJid jid(String username) {
		return JidCreate.entityBareFromOrThrowUnchecked(username + "@localhost");
	}

	private static ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(15));
	}

}
