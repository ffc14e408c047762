package io.meridian.admin;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /status with both services up: the gateway without a gRPC health service, domain-service with one. */
class StatusApiIT extends AbstractAdminIT {

	@Test
	void statusNamesTheVersionAndTheServicesReached() {
		AdminHttp.Answer answer = viewer().get("/status");
		assertThat(answer.status()).isEqualTo(200);
		JsonNode status = answer.json();
		assertThat(status.get("service").asString()).isEqualTo("admin-api");
		assertThat(status.get("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(status.get("node").asString()).isEqualTo("admin-api-it");
		JsonNode gateway = status.get("services").get("gateway");
		assertThat(gateway.get("address").asString()).isEqualTo("127.0.0.1:" + services().gatewayGrpcPort());
		assertThat(gateway.get("reachable").asBoolean()).isTrue();
		assertThat(gateway.get("status").asString()).isEqualTo("REACHABLE");
		JsonNode domains = status.get("services").get("domain-service");
		assertThat(domains.get("status").asString()).isEqualTo("SERVING");
		assertThat(domains.get("reachable").asBoolean()).isTrue();
		assertThat(anonymous().get("/status").status()).isEqualTo(401);
	}

}
