package io.meridian.admin;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.meridian.testsupport.ServiceProbes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * admin-api with no service behind it (both addresses point at a closed port): the probes, the
 * security, the error format and the OpenAPI document, none of which needs a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class AdminApiApplicationTest {

	@DynamicPropertySource
	static void nothingBehind(DynamicPropertyRegistry registry) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		registry.add("meridian.admin.gateway.address", () -> "127.0.0.1:" + closed);
		registry.add("meridian.admin.domain-service.address", () -> "static://127.0.0.1:" + closed);
		registry.add("meridian.admin.users[0].name", () -> "ops");
		registry.add("meridian.admin.users[0].password", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode("ops-secret"));
		registry.add("meridian.admin.users[0].role", () -> "admin");
		registry.add("meridian.admin.users[1].name", () -> "viewer");
		registry.add("meridian.admin.users[1].password", () -> "{noop}viewer-secret");
		registry.add("meridian.admin.users[1].role", () -> "readonly");
	}

	@LocalServerPort
	int port;

	@Test
	void servesHealthProbesAndPrometheusMetricsWithoutCredentials() {
		ServiceProbes.assertServing(this.port, "admin-api");
	}

	@Test
	void everythingElseNeedsCredentials() {
		AdminHttp.Answer anonymous = AdminHttp.anonymous(this.port).get("/users/localhost");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"meridian\"");
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(anonymous.field("error")).isEqualTo("UNAUTHORIZED");
		assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);

		assertThat(AdminHttp.as(this.port, "ops", "wrong").get("/status").status()).isEqualTo(401);
		assertThat(AdminHttp.as(this.port, "nobody", "ops-secret").get("/status").status()).isEqualTo(401);
		assertThat(AdminHttp.anonymous(this.port).get("/v3/api-docs").status()).isEqualTo(401);
		assertThat(AdminHttp.anonymous(this.port).post("/domains/x.example", "{}").status()).isEqualTo(401);
	}

	@Test
	void aServiceThatCannotBeReachedIs503AndStatusSaysSo() {
		AdminHttp ops = AdminHttp.as(this.port, "ops", "ops-secret");
		AdminHttp.Answer accounts = ops.get("/users/localhost");
		assertThat(accounts.status()).as(accounts.body()).isEqualTo(503);
		assertThat(accounts.field("error")).isEqualTo("UNAVAILABLE");
		assertThat(accounts.field("message")).startsWith("gateway at 127.0.0.1:");

		AdminHttp.Answer domain = ops.put("/domains/x.example", "{\"hostType\":\"type1\"}");
		assertThat(domain.status()).isEqualTo(503);
		assertThat(domain.field("message")).startsWith("domain-service at static://127.0.0.1:");

		AdminHttp.Answer status = ops.get("/status");
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.field("service")).isEqualTo("admin-api");
		assertThat(status.field("version")).isNotEmpty().isNotEqualTo("unknown");
		assertThat(status.json().get("services").get("gateway").get("status").asString()).isEqualTo("UNREACHABLE");
		assertThat(status.json().get("services").get("domain-service").get("reachable").asBoolean()).isFalse();

		AdminHttp.Answer nodes = ops.get("/cluster/nodes");
		assertThat(nodes.status()).isEqualTo(200);
		assertThat(nodes.json().get("nodes").findValuesAsString("name")).containsExactly("gateway", "domain-service");
		assertThat(nodes.json().get("nodes").findValuesAsString("state")).containsExactly("UNREACHABLE", "UNREACHABLE");
		assertThat(nodes.json().get("nodes").get(0).get("detail").asString()).isNotEmpty();
	}

	@Test
	void bodiesAreCheckedBeforeAnyServiceIsCalled() {
		AdminHttp ops = AdminHttp.as(this.port, "ops", "ops-secret");
		assertThat(ops.post("/users/localhost", "{\"username\": \"a\",").field("field")).isEqualTo("body");
		assertThat(ops.post("/users/localhost", "{\"password\":\"x\"}").field("field")).isEqualTo("username");
		assertThat(ops.patch("/domains/x.example", "{\"enabled\": [1]}").field("field")).isEqualTo("enabled");
		assertThat(ops.get("/users/localhost?limit=many").field("field")).isEqualTo("limit");
		assertThat(ops.get("/users/localhost?limit=5000").field("field")).isEqualTo("limit");
		assertThat(ops.post("/contacts/alice@localhost", "{\"name\":\"Bob\"}").field("field")).isEqualTo("jid");
		assertThat(ops.post("/contacts/alice@localhost", "{\"jid\":\"bob@localhost\",\"groups\":[\"A\",null]}").field("field")).isEqualTo("groups");
		assertThat(ops.put("/contacts/alice@localhost/bob@localhost", "{\"subscription\":\"mutual\"}").field("field")).isEqualTo("subscription");
		AdminHttp.Answer noBody = ops.post("/messages", null);
		assertThat(noBody.status()).isEqualTo(400);
		assertThat(noBody.field("field")).isEqualTo("body");
		assertThat(ops.get("/nothing/here").status()).isEqualTo(404);
	}

	@Test
	void aReadOnlyUserMayReadButNotWriteAndEveryWriteIsAudited(CapturedOutput output) {
		AdminHttp viewer = AdminHttp.as(this.port, "viewer", "viewer-secret");
		assertThat(viewer.get("/status").status()).isEqualTo(200);
		AdminHttp.Answer write = viewer.put("/domains/x.example", "{\"hostType\":\"type1\"}");
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.field("error")).isEqualTo("FORBIDDEN");
		assertThat(write.field("message")).contains("read-only");
		assertThat(output).containsPattern("meridian.audit .*user=viewer action=\"PUT /domains/x.example\" status=403 outcome=refused");
	}

	@Test
	void servesTheOpenApiDocumentAndTheBrowsableUi() {
		AdminHttp ops = AdminHttp.as(this.port, "ops", "ops-secret");
		AdminHttp.Answer docs = ops.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").propertyNames()).contains("/users/{domain}", "/users/{domain}/{username}", "/sessions/{domain}",
				"/messages", "/messages/{domain}/{username}/offline", "/stanzas", "/contacts/{user}", "/contacts/{user}/{contact}", "/domains",
				"/domains/{domain}", "/cluster/nodes", "/status");
		assertThat(docs.json().get("components").get("securitySchemes").get("basic").get("scheme").asString()).isEqualTo("basic");
		assertThat(ops.get("/swagger-ui/index.html").body()).contains("swagger-ui");
		assertThat(ops.get("/swagger-ui.html").status()).isIn(200, 302);
	}

}
