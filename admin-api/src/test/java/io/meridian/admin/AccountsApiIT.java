package io.meridian.admin;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** /users over the real gateway, proven with a Smack client over a real socket. */
@ExtendWith(OutputCaptureExtension.class)
class AccountsApiIT extends AbstractAdminIT {

	@Test
	void anAccountRegisteredThroughTheApiLogsInAndIsListed() throws Exception {
		String name = user();
		AdminHttp.Answer created = ops().post("/users/LocalHost", json("username", name.toUpperCase(), "password", "pw-1"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/users/localhost/" + name));
		assertThat(created.field("jid")).isEqualTo(name + "@localhost");
		assertThat(created.field("banned")).isEqualTo("false");
		assertThat(created.json().has("banReason")).isFalse();

		assertThat(login(name, "pw-1").isAuthenticated()).isTrue();

		AdminHttp.Answer account = ops().get("/users/localhost/" + name);
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.field("username")).isEqualTo(name);
		assertThat(account.field("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

		JsonNode all = ops().get("/users/localhost?limit=1000").json();
		assertThat(all.get("items").findValuesAsString("username")).contains(name);
		assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(all.get("items").size());
		JsonNode first = ops().get("/users/localhost?limit=1").json();
		assertThat(first.get("items")).hasSize(1);
		assertThat(first.get("next").asString()).isEqualTo(first.get("items").get(0).get("username").asString());
		JsonNode second = ops().get("/users/localhost?limit=1&after=" + first.get("next").asString()).json();
		if (all.get("total").asLong() > 1) {
			assertThat(second.get("items").get(0).get("username").asString()).isGreaterThan(first.get("next").asString());
		}
	}

	@Test
	void aSecondRegistrationIsAConflictAndUnknownAccountsAre404() {
		String name = user();
		register("localhost", name, "pw");
		AdminHttp.Answer again = ops().post("/users/localhost", json("username", name, "password", "other"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.field("error")).isEqualTo("ACCOUNT_EXISTS");

		for (AdminHttp.Answer unknown : new AdminHttp.Answer[] { ops().get("/users/localhost/nobody-" + name),
				ops().delete("/users/localhost/nobody-" + name), ops().put("/users/localhost/nobody-" + name + "/password", json("password", "x")),
				ops().post("/users/localhost/nobody-" + name + "/ban", json("reason", "x")) }) {
			assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
			assertThat(unknown.field("error")).isEqualTo("UNKNOWN_ACCOUNT");
			assertThat(unknown.field("message")).contains("nobody-" + name + "@localhost");
		}
		AdminHttp.Answer domain = ops().get("/users/nowhere.test/" + name);
		assertThat(domain.status()).isEqualTo(404);
		assertThat(domain.field("error")).isEqualTo("UNKNOWN_DOMAIN");
	}

	@Test
	void aNewPasswordIsTheOnlyOneThatLogsIn() throws Exception {
		String name = user();
		register("localhost", name, "old-pw");
		assertThat(ops().put("/users/localhost/" + name + "/password", json("password", "new-pw")).status()).isEqualTo(204);
		XMPPTCPConnection old = connection("localhost", name, "old-pw");
		old.connect();
		assertThatThrownBy(old::login).isInstanceOf(SASLErrorException.class);
		assertThat(login(name, "new-pw").isAuthenticated()).isTrue();
	}

	@Test
	void aRemovedAccountIsGoneAndItsSessionEnds() throws Exception {
		String name = user();
		register("localhost", name, "pw");
		BlockingQueue<Exception> ended = endings(login(name, "pw"));
		assertThat(ops().delete("/users/localhost/" + name).status()).isEqualTo(204);
		assertThat(ended.poll(10, TimeUnit.SECONDS)).isInstanceOf(XMPPException.StreamErrorException.class);
		assertThat(ops().get("/users/localhost/" + name).status()).isEqualTo(404);
		assertThat(ops().delete("/users/localhost/" + name).status()).isEqualTo(404);
	}

	@Test
	void aBannedUserIsDisconnectedAndCannotLogInUntilUnbanned() throws Exception {
		String name = user();
		register("localhost", name, "pw");
		BlockingQueue<Exception> ended = endings(login(name, "pw"));

		assertThat(ops().post("/users/localhost/" + name + "/ban", json("reason", "spam")).status()).isEqualTo(204);
		assertThat(ended.poll(10, TimeUnit.SECONDS)).isInstanceOf(XMPPException.StreamErrorException.class);
		AdminHttp.Answer banned = ops().get("/users/localhost/" + name);
		assertThat(banned.field("banned")).isEqualTo("true");
		assertThat(banned.field("banReason")).isEqualTo("spam");

		XMPPTCPConnection again = connection("localhost", name, "pw");
		again.connect();
		assertThatThrownBy(again::login).isInstanceOf(SASLErrorException.class).hasMessageContaining("account-disabled");

		assertThat(ops().delete("/users/localhost/" + name + "/ban").status()).isEqualTo(204);
		assertThat(ops().get("/users/localhost/" + name).field("banned")).isEqualTo("false");
		assertThat(login(name, "pw").isAuthenticated()).isTrue();
	}

	@Test
	void badBodiesAre400NamingTheField() {
		assertField(ops().post("/users/localhost", "{\"username\": \"x\", "), "body");
		assertField(ops().post("/users/localhost", "[]"), "body");
		assertField(ops().post("/users/localhost", json("password", "pw")), "username");
		assertField(ops().post("/users/localhost", json("username", user())), "password");
		assertField(ops().post("/users/localhost", json("username", user(), "password", "")), "password");
		AdminHttp.Answer badName = ops().post("/users/localhost", json("username", "bad@name", "password", "pw"));
		assertField(badName, "username");
		assertThat(badName.field("error")).isEqualTo("INVALID_ARGUMENT");
		assertField(ops().post("/users/bad..domain", json("username", user(), "password", "pw")), "domain");
		assertField(ops().put("/users/localhost/" + user() + "/password", "{}"), "password");
		assertField(ops().get("/users/localhost?limit=0"), "limit");
	}

	private static void assertField(AdminHttp.Answer answer, String field) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.field("field")).as(answer.body()).isEqualTo(field);
		assertThat(answer.field("message")).isNotEmpty();
	}

	@Test
	void unauthenticatedAndReadOnlyCallersCannotWrite() {
		String name = user();
		assertThat(anonymous().post("/users/localhost", json("username", name, "password", "pw")).status()).isEqualTo(401);
		assertThat(anonymous().get("/users/localhost").status()).isEqualTo(401);
		assertThat(AdminHttp.as(this.port, "ops", "wrong").post("/users/localhost", json("username", name, "password", "pw")).status())
			.isEqualTo(401);

		AdminHttp.Answer refused = viewer().post("/users/localhost", json("username", name, "password", "pw"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.field("error")).isEqualTo("FORBIDDEN");
		assertThat(ops().get("/users/localhost/" + name).status()).as("nothing was written").isEqualTo(404);

		register("localhost", name, "pw");
		assertThat(viewer().get("/users/localhost/" + name).status()).isEqualTo(200);
		assertThat(viewer().get("/users/localhost").status()).isEqualTo(200);
		assertThat(viewer().delete("/users/localhost/" + name).status()).isEqualTo(403);
		assertThat(viewer().put("/users/localhost/" + name + "/password", json("password", "x")).status()).isEqualTo(403);
		assertThat(viewer().post("/users/localhost/" + name + "/ban", "{}").status()).isEqualTo(403);
		assertThat(ops().get("/users/localhost/" + name).field("banned")).isEqualTo("false");
	}

	@Test
	void aDomainAdminOnlyTouchesItsOwnDomain() throws Exception {
		String name = user();
		assertThat(otherOps().post("/users/other.test", json("username", name, "password", "pw")).status()).isEqualTo(201);
		assertThat(login("other.test", name, "pw").isAuthenticated()).isTrue();
		assertThat(otherOps().get("/users/OTHER.test/" + name).status()).isEqualTo(200);

		AdminHttp.Answer elsewhere = otherOps().post("/users/localhost", json("username", name, "password", "pw"));
		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.field("message")).isEqualTo("other-ops may only manage other.test");
		assertThat(otherOps().get("/users/localhost").status()).isEqualTo(403);
		assertThat(otherOps().get("/sessions/localhost").status()).isEqualTo(403);
		assertThat(ops().get("/users/localhost/" + name).status()).isEqualTo(404);
	}

	@Test
	void everyWriteIsAuditedWithWhoWhatAndTheOutcome(CapturedOutput output) {
		String name = user();
		register("localhost", name, "secret-pw");
		viewer().delete("/users/localhost/" + name);
		ops().post("/users/localhost", json("username", name, "password", "secret-pw"));
		assertThat(output).containsPattern("meridian.audit\\s*: user=ops action=\"POST /users/localhost\" username=\"" + name
				+ "\" status=201 outcome=ok remote=127.0.0.1");
		assertThat(output).contains("user=viewer action=\"DELETE /users/localhost/" + name + "\" status=403 outcome=refused");
		assertThat(output).contains("user=ops action=\"POST /users/localhost\" username=\"" + name
				+ "\" status=409 outcome=refused error=\"ACCOUNT_EXISTS: ");
		assertThat(output).doesNotContain("secret-pw");
	}

}
