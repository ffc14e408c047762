package io.meridian.domains;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.meridian.testsupport.ServiceProbes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes and metrics every service serves. An embedded database stands in for PostgreSQL
 * so that this runs without servers; the domain API itself is proven against PostgreSQL in
 * {@code DomainServiceIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "meridian.outgoing-pools[0].type=rdbms",
				"meridian.outgoing-pools[0].connection.driver=h2",
				"meridian.outgoing-pools[0].connection.url=jdbc:h2:mem:domains;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1" })
class DomainServiceApplicationTest {

	@LocalServerPort
	int port;

	@Test
	void servesHealthProbesAndPrometheusMetrics() {
		ServiceProbes.assertServing(this.port, "domain-service");
		assertThat(ServiceProbes.get(this.port, "/actuator/prometheus"))
			.contains("meridian_domains_nudges_total{");
	}

}
