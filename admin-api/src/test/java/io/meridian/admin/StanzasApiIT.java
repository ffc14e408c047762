package io.meridian.admin;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** /messages and /stanzas: what a Smack client receives. */
class StanzasApiIT extends AbstractAdminIT {

	@Test
	void aMessageSentThroughTheApiArrives() throws Exception {
		String sender = user();
		String receiver = user();
		register("localhost", sender, "pw");
		register("localhost", receiver, "pw");
		BlockingQueue<Message> inbox = inbox(receiver);

		AdminHttp.Answer sent = ops().post("/messages",
				json("caller", sender + "@localhost", "to", receiver + "@localhost", "body", "hello from the operator"));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		Message message = inbox.poll(10, TimeUnit.SECONDS);
		assertThat(message).isNotNull();
		assertThat(message.getBody()).isEqualTo("hello from the operator");
		assertThat(message.getFrom().toString()).isEqualTo(sender + "@localhost");
		assertThat(message.getType()).isEqualTo(Message.Type.chat);
		assertThat(message.getStanzaId()).isEqualTo(sent.field("id"));

		assertThat(ops().post("/messages", json("caller", sender + "@localhost", "to", receiver + "@localhost", "body", "news", "type", "headline"))
			.status()).isEqualTo(201);
		assertThat(inbox.poll(10, TimeUnit.SECONDS).getType()).isEqualTo(Message.Type.headline);
	}

	@Test
	void aRawStanzaArrives() throws Exception {
		String sender = user();
		String receiver = user();
		register("localhost", sender, "pw");
		register("localhost", receiver, "pw");
		BlockingQueue<Message> inbox = inbox(receiver);

		String stanza = "<message from='" + sender + "@localhost' to='" + receiver + "@localhost' type='chat' id='raw-1'><body>raw</body></message>";
		AdminHttp.Answer sent = ops().post("/stanzas", json("stanza", stanza));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		assertThat(sent.field("id")).isEqualTo("raw-1");
		Message message = inbox.poll(10, TimeUnit.SECONDS);
		assertThat(message.getBody()).isEqualTo("raw");
		assertThat(message.getStanzaId()).isEqualTo("raw-1");
	}

	@Test
	void badRequestsNameTheFieldAndNothingIsDelivered() throws Exception {
		String sender = user();
		String receiver = user();
		register("localhost", sender, "pw");
		register("localhost", receiver, "pw");
		BlockingQueue<Message> inbox = inbox(receiver);
		String from = sender + "@localhost";
		String to = receiver + "@localhost";

		assertField(ops().post("/messages", json("to", to, "body", "x")), "caller");
		assertField(ops().post("/messages", json("caller", from, "body", "x")), "to");
		assertField(ops().post("/messages", json("caller", from, "to", to)), "body");
		assertField(ops().post("/messages", json("caller", from, "to", "a@b@c", "body", "x")), "to");
		assertField(ops().post("/messages", json("caller", "@localhost", "to", to, "body", "x")), "caller");
		assertField(ops().post("/messages", json("caller", from, "to", to, "body", "x", "type", "groupchat")), "type");
		assertField(ops().post("/messages", "{\"caller\": \"" + from + "\", \"to\": }"), "body");
		assertField(ops().post("/stanzas", json("stanza", "<message to='" + to + "'")), "stanza");
		assertField(ops().post("/stanzas", json("stanza", "<message to='" + to + "'><body>no from</body></message>")), "stanza");
		assertField(ops().post("/stanzas", "{}"), "stanza");

		AdminHttp.Answer ghost = ops().post("/messages", json("caller", "ghost-" + from, "to", to, "body", "boo"));
		assertThat(ghost.status()).isEqualTo(404);
		assertThat(ghost.field("error")).isEqualTo("UNKNOWN_ACCOUNT");
		assertNothingArrivedBefore(inbox, from, to);
	}

	@Test
	void onlyAdminsOfTheCallersDomainMaySendInItsName() throws Exception {
		String sender = user();
		String receiver = user();
		register("localhost", sender, "pw");
		register("localhost", receiver, "pw");
		BlockingQueue<Message> inbox = inbox(receiver);
		String body = json("caller", sender + "@localhost", "to", receiver + "@localhost", "body", "not yours");

		assertThat(viewer().post("/messages", body).status()).isEqualTo(403);
		assertThat(otherOps().post("/messages", body).status()).isEqualTo(403);
		assertThat(otherOps().post("/stanzas", json("stanza", "<message from='" + sender + "@localhost' to='" + receiver
				+ "@localhost'><body>not yours</body></message>")).status()).isEqualTo(403);
		assertThat(otherOps().post("/stanzas", json("stanza", "<message to='" + receiver + "@localhost'><body>x</body></message>")).status())
			.isEqualTo(403);
		assertThat(anonymous().post("/messages", body).status()).isEqualTo(401);
		assertNothingArrivedBefore(inbox, sender + "@localhost", receiver + "@localhost");
	}

	@Test
	void theOfflineQueueOfAUserIsCountedUntilTheUserComesOnline() throws Exception {
		String sender = user();
		String receiver = user();
		register("localhost", sender, "pw");
		register("localhost", receiver, "pw");
		String path = "/messages/localhost/" + receiver + "/offline";
		AdminHttp.Answer empty = viewer().get(path);
		assertThat(empty.status()).as(empty.body()).isEqualTo(200);
		assertThat(empty.field("user")).isEqualTo(receiver + "@localhost");
		assertThat(empty.field("count")).isEqualTo("0");

		for (String body : new String[] { "one", "two" }) {
			assertThat(ops().post("/messages", json("caller", sender + "@localhost", "to", receiver + "@localhost", "body", body)).status())
				.isEqualTo(201);
		}
		assertThat(ops().get("/messages/LOCALHOST/" + receiver.toUpperCase(java.util.Locale.ROOT) + "/offline").field("count")).isEqualTo("2");

		BlockingQueue<Message> inbox = inbox(receiver);
		assertThat(inbox.poll(10, TimeUnit.SECONDS).getBody()).isEqualTo("one");
		assertThat(inbox.poll(10, TimeUnit.SECONDS).getBody()).isEqualTo("two");
		assertThat(ops().get(path).field("count")).isEqualTo("0");

		AdminHttp.Answer ghost = ops().get("/messages/localhost/ghost-" + receiver + "/offline");
		assertThat(ghost.status()).isEqualTo(404);
		assertThat(ghost.field("error")).isEqualTo("UNKNOWN_ACCOUNT");
		assertThat(ops().get("/messages/elsewhere.example/" + receiver + "/offline").field("error")).isEqualTo("UNKNOWN_DOMAIN");
		assertThat(otherOps().get(path).status()).as("an operator of other domains").isEqualTo(403);
		assertThat(anonymous().get(path).status()).isEqualTo(401);
	}

	/** Sends a marker through the API: the next message to arrive must be it, or a refused one got through. */
	private void assertNothingArrivedBefore(BlockingQueue<Message> inbox, String from, String to) throws InterruptedException {
		ops().post("/messages", json("caller", from, "to", to, "body", "marker"));
		assertThat(inbox.poll(10, TimeUnit.SECONDS).getBody()).isEqualTo("marker");
	}

	private static void assertField(AdminHttp.Answer answer, String field) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.field("field")).as(answer.body()).isEqualTo(field);
	}

	/** The receiver online and available; the ping makes sure its presence was handled before anything is sent. */
	private BlockingQueue<Message> inbox(String receiver) throws Exception {
		XMPPTCPConnection client = login(receiver, "pw");
		BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
		client.addSyncStanzaListener(s -> inbox.add((Message) s), s -> s instanceof Message);
		client.sendStanza(client.getStanzaFactory().buildPresenceStanza().build());
		PingManager.getInstanceFor(client).pingMyServer();
		return inbox;
	}

}
