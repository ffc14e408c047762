package io.meridian.gateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.bookmarks.BookmarkManager;
import org.jivesoftware.smackx.iqprivate.PrivateDataManager;
import org.jivesoftware.smackx.iqprivate.packet.DefaultPrivateData;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.transport.C2sListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * vCards (XEP-0054) and private XML storage (XEP-0049) as a stock client (Smack) uses them, over
 * real sockets, stored in real PostgreSQL. A vCard may hold 2 KiB here, an account's private XML 4 KiB.
 */
@SpringBootTest(properties = { "meridian.c2s.port=0", "meridian.c2s.direct-tls-port=0", "spring.grpc.server.port=0", "meridian.c2s.bind-address=127.0.0.1",
		"server.port=0", "meridian.hosts=localhost", "meridian.vcard.max-size=2048", "meridian.private-storage.max-size=4096" })
@ActiveProfiles("postgres-it")
class VCardAndPrivateStorageIT {

	private static final Path DATA = GatewayIt.dataDir("vcard-private-it");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		GatewayIt.postgres(registry, DATA);
	}

	@Autowired
	C2sListener c2s;

	@Autowired
	Accounts accounts;

	private final List<XMPPTCPConnection> connections = new ArrayList<>();

	@AfterEach
	void disconnect() {
		this.connections.forEach(XMPPTCPConnection::disconnect);
	}

	@Test
	void aUserSetsTheirVCardAndReadsItBackInALaterSession() throws Exception {
		User alice = user();
		XMPPTCPConnection a = login(alice);
		VCardManager vcards = VCardManager.getInstanceFor(a);
		assertThat(vcards.loadVCard().getNickName()).as("nothing set yet: an empty vCard").isNull();

		VCard mine = new VCard();
		mine.setFirstName("Alice");
		mine.setLastName("Liddell");
		mine.setNickName("Al");
		mine.setEmailHome("alice@wonderland.example");
		vcards.saveVCard(mine);
		a.disconnect();

		VCard loaded = VCardManager.getInstanceFor(login(alice)).loadVCard();
		assertThat(loaded.getFirstName()).isEqualTo("Alice");
		assertThat(loaded.getLastName()).isEqualTo("Liddell");
		assertThat(loaded.getNickName()).isEqualTo("Al");
		assertThat(loaded.getEmailHome()).isEqualTo("alice@wonderland.example");
	}

	@Test
	void anotherUsersVCardIsAnsweredByTheServerAndCannotBeChanged() throws Exception {
		User alice = user();
		User bob = user();
		XMPPTCPConnection b = login(bob);
		VCard bobs = new VCard();
		bobs.setNickName("Bobby");
		VCardManager.getInstanceFor(b).saveVCard(bobs);
		b.disconnect();

		// Bob is offline: the server answers for his account (RFC 6120 10.5.4).
		XMPPTCPConnection a = login(alice);
		VCardManager vcards = VCardManager.getInstanceFor(a);
		assertThat(vcards.loadVCard(bob.jid()).getNickName()).isEqualTo("Bobby");
		assertThat(vcards.loadVCard(user().jid()).getNickName()).as("a user with no vCard has an empty one").isNull();
		assertRefused(a, () -> vcards.loadVCard(JidCreate.entityBareFrom("nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost")),
				StanzaError.Condition.service_unavailable);

		VCard forged = new VCard();
		forged.setNickName("Not Bob");
		forged.setType(IQ.Type.set);
		forged.setTo(bob.jid());
		assertRefused(a, () -> a.sendIqRequestAndWaitForResponse(forged), StanzaError.Condition.forbidden);
		assertThat(vcards.loadVCard(bob.jid()).getNickName()).isEqualTo("Bobby");
	}

	@Test
	void aVCardOverTheLimitIsRefusedAndTheOldOneStays() throws Exception {
		User alice = user();
		XMPPTCPConnection a = login(alice);
		VCardManager vcards = VCardManager.getInstanceFor(a);
		VCard small = new VCard();
		small.setNickName("Al");
		vcards.saveVCard(small);

		VCard big = new VCard();
		big.setNickName("Big Al");
		big.setField("DESC", "x".repeat(3000));
		assertRefused(a, () -> vcards.saveVCard(big), StanzaError.Condition.not_acceptable);
		assertThat(vcards.loadVCard().getNickName()).isEqualTo("Al");
	}

	@Test
	void anotherUsersRosterIsForbiddenAndAnUnknownNamespaceUnavailable() throws Exception {
		User alice = user();
		User bob = user();
		XMPPTCPConnection a = login(alice);

		RosterPacket rosterGet = new RosterPacket();
		rosterGet.setTo(bob.jid());
		assertRefused(a, () -> a.sendIqRequestAndWaitForResponse(rosterGet), StanzaError.Condition.forbidden);
		assertRefused(a, () -> a.sendIqRequestAndWaitForResponse(raw(IQ.Type.get, bob.jid(), "urn:example:nothing", "")),
				StanzaError.Condition.service_unavailable);
	}

	@Test
	void privateXmlIsKeptPerNamespaceAndElementAndReadBackInALaterSession() throws Exception {
		User alice = user();
		XMPPTCPConnection a = login(alice);
		PrivateDataManager data = PrivateDataManager.getInstanceFor(a);
		DefaultPrivateData prefs = new DefaultPrivateData("prefs", "urn:example:client-prefs");
		prefs.setValue("theme", "dark");
		data.setPrivateData(prefs);
		BookmarkManager.getBookmarkManager(a).addBookmarkedConference("Tea party", JidCreate.entityBareFrom("tea@conference.localhost"), true,
				Resourcepart.from("alice"), null);
		// One set, two items in two namespaces.
		a.sendIqRequestAndWaitForResponse(raw(IQ.Type.set, null, "jabber:iq:private",
				"<notes xmlns='urn:example:notes'><note>bring hat</note></notes><layout xmlns='urn:example:layout'><width>80</width></layout>"));
		a.disconnect();

		XMPPTCPConnection again = login(alice);
		PrivateDataManager later = PrivateDataManager.getInstanceFor(again);
		assertThat(((DefaultPrivateData) later.getPrivateData("prefs", "urn:example:client-prefs")).getValue("theme")).isEqualTo("dark");
		assertThat(((DefaultPrivateData) later.getPrivateData("notes", "urn:example:notes")).getValue("note")).isEqualTo("bring hat");
		assertThat(((DefaultPrivateData) later.getPrivateData("layout", "urn:example:layout")).getValue("width")).isEqualTo("80");
		assertThat(BookmarkManager.getBookmarkManager(again).getBookmarkedConferences()).singleElement().satisfies(room -> {
			assertThat(room.getName()).isEqualTo("Tea party");
			assertThat(room.getJid().toString()).isEqualTo("tea@conference.localhost");
			assertThat(room.isAutoJoin()).isTrue();
		});
		assertThat(((DefaultPrivateData) later.getPrivateData("prefs", "urn:example:unset")).getNames())
			.as("nothing stored: the element comes back empty").isEmpty();
	}

	@Test
	void privateXmlRefusesReservedNamespacesEmptyQueriesOtherUsersAndTooMuch() throws Exception {
		User alice = user();
		User bob = user();
		XMPPTCPConnection a = login(alice);

		assertRefused(a, () -> a.sendIqRequestAndWaitForResponse(raw(IQ.Type.set, null, "jabber:iq:private", "<x xmlns='jabber:x:data'/>")),
				StanzaError.Condition.not_acceptable);
		assertRefused(a, () -> a.sendIqRequestAndWaitForResponse(raw(IQ.Type.get, null, "jabber:iq:private", "")),
				StanzaError.Condition.not_acceptable);
		assertRefused(a, () -> a.sendIqRequestAndWaitForResponse(raw(IQ.Type.get, null, "jabber:iq:private",
				"<a xmlns='urn:example:a'/><b xmlns='urn:example:b'/>")), StanzaError.Condition.bad_request);
		assertRefused(a, () -> a.sendIqRequestAndWaitForResponse(raw(IQ.Type.get, bob.jid(), "jabber:iq:private", "<a xmlns='urn:example:a'/>")),
				StanzaError.Condition.forbidden);
		assertRefused(a, () -> a.sendIqRequestAndWaitForResponse(raw(IQ.Type.set, bob.jid(), "jabber:iq:private", "<a xmlns='urn:example:a'/>")),
				StanzaError.Condition.forbidden);

		PrivateDataManager data = PrivateDataManager.getInstanceFor(a);
		DefaultPrivateData first = blob("first", 3000);
		data.setPrivateData(first);
		// Replacing an item counts only its new size.
		data.setPrivateData(blob("first", 3100));
		assertRefused(a, () -> data.setPrivateData(blob("second", 3000)), StanzaError.Condition.not_acceptable);
		assertThat(((DefaultPrivateData) data.getPrivateData("second", "urn:example:blob")).getNames()).isEmpty();
		assertThat(((DefaultPrivateData) data.getPrivateData("first", "urn:example:blob")).getValue("data")).hasSize(3100);
	}

	private static DefaultPrivateData blob(String name, int size) {
		DefaultPrivateData blob = new DefaultPrivateData(name, "urn:example:blob");
		blob.setValue("data", "d".repeat(size));
		return blob;
	}

	/** An IQ with a query in {@code namespace} holding the given XML as it is. */
	private static IQ raw(IQ.Type type, Jid to, String namespace, String children) {
		IQ iq = new IQ("query", namespace) {

			@Override
			protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
				xml.rightAngleBracket();
				xml.append(children);
				return xml;
			}

		};
		iq.setType(type);
		iq.setTo(to);
		return iq;
	}

	private static void assertRefused(XMPPTCPConnection connection, org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
			StanzaError.Condition condition) {
		assertThatExceptionOfType(XMPPException.XMPPErrorException.class).isThrownBy(call)
			.satisfies(ex -> assertThat(ex.getStanzaError().getCondition()).isEqualTo(condition));
		assertThat(connection.isConnected()).isTrue();
	}

	private record User(String name, String password) {

		EntityBareJid jid() {
			return JidCreate.entityBareFromOrThrowUnchecked(this.name + "@localhost");
		}

	}

	private User user() {
		User user = new User("vc-" + UUID.randomUUID().toString().substring(0, 8), "pw-" + UUID.randomUUID());
		this.accounts.register(user.name(), "localhost", user.password());
		return user;
	}

	private XMPPTCPConnection login(User user) throws Exception {
		XMPPTCPConnection connection = new XMPPTCPConnection(GatewayIt.smack(DATA, this.c2s.port(), user.name(), user.password(), "SCRAM-SHA-1")
			.build());
		this.connections.add(connection);
		connection.connect().login();
		return connection;
	}

}
