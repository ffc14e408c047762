package io.meridian.domains;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.meridian.domains.api.DomainServiceClient;
import io.meridian.domains.api.v1.Domain;
import io.meridian.domains.api.v1.DomainEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redis is only a nudge: with no Redis at its address, every change still commits and is in the event log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.grpc.server.port=0", "meridian.domains.host-types=type1",
				"meridian.domains.redis.host=127.0.0.1", "meridian.domains.redis.timeout=1s" })
@DirtiesContext
class DomainServiceRedisDownIT {

	private static String schema;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) throws IOException {
		schema = ItServers.postgresSchema(registry, "domains_redis_down_it");
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("meridian.domains.redis.port", () -> closedPort);
	}

	@AfterAll
	static void dropSchema() {
		ItServers.dropSchema(schema);
	}

	@Autowired
	GrpcServerLifecycle grpcServer;

	@Autowired
	MeterRegistry meters;

	@Test
	void changesSucceedAndFollowersFindThemByPolling() throws InterruptedException {
		ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.grpcServer.getPort()).usePlaintext().build();
		try {
			DomainServiceClient client = new DomainServiceClient(channel, Duration.ofSeconds(30));
			long added = client.add("down.example", "type1").getEventId();
			long disabled = client.disable("down.example").getEventId();
			long enabled = client.enable("down.example").getEventId();
			assertThat(client.get("down.example")).map(Domain::getEnabled).contains(true);
			long removed = client.remove("down.example").getEventId();
			assertThat(client.get("down.example")).isEmpty();

			assertThat(client.eventsAfter(0, 100).getEventsList()).extracting(DomainEvent::getId)
				.containsExactly(added, disabled, enabled, removed);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(this.meters.counter("meridian.domains.nudges", "outcome", "failed").count())
					.isGreaterThanOrEqualTo(1));
			assertThat(this.meters.counter("meridian.domains.nudges", "outcome", "sent").count()).isZero();
		}
		finally {
			channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
	}

}
