package io.meridian.admin;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** /sessions: what the gateway node holds, and kicks a Smack client sees. */
class SessionsApiIT extends AbstractAdminIT {

	@Test
	void sessionsAreListedAndAKickedClientSeesItsStreamEnd() throws Exception {
		String name = user();
		register("localhost", name, "pw");
		XMPPTCPConnection first = login(name, "pw");
		XMPPTCPConnection second = login(name, "pw");
		BlockingQueue<Exception> ended = endings(first);
		String resource = first.getUser().getResourcepart().toString();

		JsonNode sessions = ops().get("/sessions/localhost/" + name).json();
		assertThat(sessions.get("total").asInt()).isEqualTo(2);
		assertThat(sessions.get("items")).allSatisfy(s -> {
			assertThat(s.get("node").asString()).isEqualTo("gw-admin-it");
			assertThat(s.get("address").asString()).startsWith("127.0.0.1:");
			assertThat(s.get("connectedSince").asString()).endsWith("Z");
		});
		assertThat(sessions.get("items").findValuesAsString("resource")).containsExactlyInAnyOrder(resource,
				second.getUser().getResourcepart().toString());
		assertThat(ops().get("/sessions/localhost").json().get("items").findValuesAsString("jid")).contains(first.getUser().toString());

		AdminHttp.Answer kicked = ops().delete("/sessions/localhost/" + name + "/" + resource + "?reason=maintenance%20window");
		assertThat(kicked.status()).as(kicked.body()).isEqualTo(200);
		assertThat(kicked.json().get("sessionsEnded").asInt()).isEqualTo(1);
		Exception error = ended.poll(10, TimeUnit.SECONDS);
		assertThat(error).isInstanceOfSatisfying(XMPPException.StreamErrorException.class, e -> {
			assertThat(e.getStreamError().getCondition().toString()).isEqualTo("policy-violation");
			assertThat(e.getStreamError().getDescriptiveText()).isEqualTo("maintenance window");
		});
		assertThat(ops().get("/sessions/localhost/" + name).json().get("items").findValuesAsString("resource"))
			.containsExactly(second.getUser().getResourcepart().toString());

		AdminHttp.Answer gone = ops().delete("/sessions/localhost/" + name + "/" + resource);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.field("error")).isEqualTo("NO_SESSION");

		BlockingQueue<Exception> secondEnded = endings(second);
		assertThat(ops().delete("/sessions/localhost/" + name).json().get("sessionsEnded").asInt()).isEqualTo(1);
		assertThat(secondEnded.poll(10, TimeUnit.SECONDS)).isInstanceOf(XMPPException.StreamErrorException.class);
		assertThat(ops().get("/sessions/localhost/" + name).json().get("total").asInt()).isZero();
	}

	@Test
	void aReadOnlyUserSeesSessionsButCannotKick() throws Exception {
		String name = user();
		register("localhost", name, "pw");
		XMPPTCPConnection online = login(name, "pw");
		assertThat(viewer().get("/sessions/localhost/" + name).json().get("total").asInt()).isEqualTo(1);
		assertThat(viewer().delete("/sessions/localhost/" + name).status()).isEqualTo(403);
		assertThat(anonymous().delete("/sessions/localhost/" + name).status()).isEqualTo(401);
		assertThat(online.isConnected()).isTrue();
		assertThat(ops().get("/sessions/localhost/" + name).json().get("total").asInt()).isEqualTo(1);
	}

	@Test
	void unknownDomainsAndMalformedUsersAreRefused() {
		AdminHttp.Answer unknown = ops().get("/sessions/nowhere.test");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.field("error")).isEqualTo("UNKNOWN_DOMAIN");
		AdminHttp.Answer malformed = ops().get("/sessions/localhost/a%20b");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.field("field")).isEqualTo("username");
	}

}
