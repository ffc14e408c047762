package io.meridian.admin;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /status and GET /cluster/nodes with both services up, each serving the standard gRPC
 * health service, which reports SERVING once the service is ready.
 */
class StatusApiIT extends AbstractAdminIT {

	@Test
	void statusNamesTheVersionAndTheServicesReached() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "SERVING".equals(viewer().get("/status").json().get("services").get("gateway").get("status").asString()));
		AdminHttp.Answer answer = viewer().get("/status");
		assertThat(answer.status()).isEqualTo(200);
		JsonNode status = answer.json();
		assertThat(status.get("service").asString()).isEqualTo("admin-api");
		assertThat(status.get("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(status.get("node").asString()).isEqualTo("admin-api-it");
		JsonNode gateway = status.get("services").get("gateway");
		assertThat(gateway.get("address").asString()).isEqualTo("127.0.0.1:" + services().gatewayGrpcPort());
		assertThat(gateway.get("reachable").asBoolean()).isTrue();
		JsonNode domains = status.get("services").get("domain-service");
		assertThat(domains.get("status").asString()).isEqualTo("SERVING");
		assertThat(domains.get("reachable").asBoolean()).isTrue();
		assertThat(anonymous().get("/status").status()).isEqualTo(401);
	}

	@Test
	void clusterNodesListTheConfiguredServicesServing() {
		await().atMost(Duration.ofSeconds(10)).until(() -> viewer().get("/cluster/nodes").json().get("nodes").findValuesAsString("state")
			.stream()
			.allMatch("SERVING"::equals));
		AdminHttp.Answer answer = viewer().get("/cluster/nodes");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.field("source")).isEqualTo("configuration");
		JsonNode gateway = answer.json().get("nodes").get(0);
		assertThat(gateway.get("name").asString()).isEqualTo("gateway");
		assertThat(gateway.get("role").asString()).isEqualTo("xmpp-gateway");
		assertThat(gateway.get("target").asString()).isEqualTo("127.0.0.1:" + services().gatewayGrpcPort());
		assertThat(gateway.get("state").asString()).isEqualTo("SERVING");
		assertThat(gateway.has("detail")).isFalse();
		JsonNode domains = answer.json().get("nodes").get(1);
		assertThat(domains.get("role").asString()).isEqualTo("domain-service");
		assertThat(domains.get("target").asString()).isEqualTo("static://127.0.0.1:" + services().domainServiceGrpcPort());
		assertThat(anonymous().get("/cluster/nodes").status()).isEqualTo(401);
	}

}
