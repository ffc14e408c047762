package io.meridian.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** /domains over the real domain-service and its PostgreSQL schema. */
class DomainsApiIT extends AbstractAdminIT {

	@Test
	void aDomainIsAddedDisabledEnabledListedAndRemoved() {
		String domain = domain("life");
		assertThat(ops().put("/domains/" + domain, json("hostType", "type1")).status()).isEqualTo(204);
		JsonNode added = ops().get("/domains/" + domain).json();
		assertThat(added.get("domain").asString()).isEqualTo(domain);
		assertThat(added.get("hostType").asString()).isEqualTo("type1");
		assertThat(added.get("enabled").asBoolean()).isTrue();
		assertThat(added.get("static").asBoolean()).isFalse();
		assertThat(ops().put("/domains/" + domain.toUpperCase() + ".", json("hostType", "type1")).status()).as("idempotent").isEqualTo(204);

		assertThat(ops().patch("/domains/" + domain, "{\"enabled\": false}").status()).isEqualTo(204);
		assertThat(ops().get("/domains/" + domain).json().get("enabled").asBoolean()).isFalse();
		assertThat(ops().get("/domains?hostType=type1&limit=1000").json().get("items").findValuesAsString("domain")).contains(domain);
		assertThat(ops().get("/domains?hostType=type2&limit=1000").json().get("items").findValuesAsString("domain")).doesNotContain(domain);
		assertThat(ops().patch("/domains/" + domain, "{\"enabled\": true}").status()).isEqualTo(204);
		assertThat(ops().get("/domains/" + domain).json().get("enabled").asBoolean()).isTrue();

		assertThat(ops().delete("/domains/" + domain).status()).isEqualTo(204);
		AdminHttp.Answer gone = ops().get("/domains/" + domain);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.field("error")).isEqualTo("DOMAIN_NOT_FOUND");
		assertThat(ops().delete("/domains/" + domain).status()).as("idempotent").isEqualTo(204);
		AdminHttp.Answer patchGone = ops().patch("/domains/" + domain, "{\"enabled\": true}");
		assertThat(patchGone.status()).isEqualTo(404);
		assertThat(patchGone.field("error")).isEqualTo("DOMAIN_NOT_FOUND");
	}

	@Test
	void anotherHostTypeIsAConflictAndAnUnknownOneIsForbidden() {
		String domain = domain("conflict");
		ops().put("/domains/" + domain, json("hostType", "type1"));
		AdminHttp.Answer conflict = ops().put("/domains/" + domain, json("hostType", "type2"));
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.field("error")).isEqualTo("HOST_TYPE_CONFLICT");
		assertThat(conflict.field("field")).isEqualTo("hostType");
		assertThat(conflict.field("message")).contains("type1");
		assertThat(ops().get("/domains/" + domain).field("hostType")).isEqualTo("type1");

		AdminHttp.Answer unknown = ops().put("/domains/" + domain("unknown"), json("hostType", "type9"));
		assertThat(unknown.status()).isEqualTo(403);
		assertThat(unknown.field("error")).isEqualTo("UNKNOWN_HOST_TYPE");
	}

	@Test
	void theStaticDomainIsLockedAgainstEveryChange() {
		for (AdminHttp.Answer refused : new AdminHttp.Answer[] { ops().put("/domains/" + Services.STATIC_DOMAIN, json("hostType", "type1")),
				ops().patch("/domains/" + Services.STATIC_DOMAIN, "{\"enabled\": false}"), ops().delete("/domains/" + Services.STATIC_DOMAIN) }) {
			assertThat(refused.status()).as(refused.body()).isEqualTo(403);
			assertThat(refused.field("error")).isEqualTo("STATIC_DOMAIN");
		}
		JsonNode locked = ops().get("/domains/" + Services.STATIC_DOMAIN).json();
		assertThat(locked.get("static").asBoolean()).isTrue();
		assertThat(locked.get("enabled").asBoolean()).isTrue();
		assertThat(locked.get("hostType").asString()).isEqualTo("type-static");
	}

	@Test
	void badRequestsNameTheField() {
		AdminHttp.Answer name = ops().put("/domains/bad..name", json("hostType", "type1"));
		assertThat(name.status()).isEqualTo(400);
		assertThat(name.field("error")).isEqualTo("INVALID_DOMAIN_NAME");
		assertThat(name.field("field")).isEqualTo("domain");
		assertThat(ops().put("/domains/" + domain("missing"), "{}").field("field")).isEqualTo("hostType");
		assertThat(ops().put("/domains/" + domain("body"), "not json").field("field")).isEqualTo("body");
		assertThat(ops().patch("/domains/" + domain("patch"), "{}").field("field")).isEqualTo("enabled");
		assertThat(ops().patch("/domains/" + domain("patch"), "{\"enabled\": \"perhaps\"}").field("field")).isEqualTo("enabled");
		assertThat(ops().get("/domains?after=-1").field("field")).isEqualTo("after");
	}

	@Test
	void domainsArePagedInTheOrderTheyWereAdded() {
		String hostType = "type2";
		List<String> added = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String domain = domain("page" + i);
			ops().put("/domains/" + domain, json("hostType", hostType));
			added.add(domain);
		}
		List<String> listed = new ArrayList<>();
		String next = "0";
		while (next != null) {
			JsonNode page = ops().get("/domains?hostType=" + hostType + "&limit=2&after=" + next).json();
			assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
			listed.addAll(page.get("items").findValuesAsString("domain"));
			next = page.get("next").isNull() ? null : page.get("next").asString();
		}
		assertThat(listed).containsSubsequence(added);
		assertThat(listed).doesNotHaveDuplicates();
	}

	@Test
	void onlyUnrestrictedAdminsChangeDomains() {
		String domain = domain("auth");
		assertThat(anonymous().put("/domains/" + domain, json("hostType", "type1")).status()).isEqualTo(401);
		assertThat(anonymous().get("/domains").status()).isEqualTo(401);
		assertThat(viewer().put("/domains/" + domain, json("hostType", "type1")).status()).isEqualTo(403);
		AdminHttp.Answer limited = otherOps().put("/domains/" + domain, json("hostType", "type1"));
		assertThat(limited.status()).isEqualTo(403);
		assertThat(limited.field("message")).contains("limited to its own domains");
		assertThat(ops().get("/domains/" + domain).status()).as("nothing was written").isEqualTo(404);

		ops().put("/domains/" + domain, json("hostType", "type1"));
		assertThat(viewer().get("/domains/" + domain).status()).isEqualTo(200);
		assertThat(viewer().patch("/domains/" + domain, "{\"enabled\": false}").status()).isEqualTo(403);
		assertThat(viewer().delete("/domains/" + domain).status()).isEqualTo(403);
		assertThat(otherOps().get("/domains/" + domain).status()).isEqualTo(403);
		assertThat(otherOps().get("/domains?limit=1000").json().get("items").findValuesAsString("domain")).doesNotContain(domain);
		assertThat(ops().get("/domains/" + domain).json().get("enabled").asBoolean()).isTrue();
	}

	private static String domain(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".it.example";
	}

}
