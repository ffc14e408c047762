package io.meridian.domains;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.meridian.testsupport.ServiceProbes;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DomainServiceApplicationTest {

	@LocalServerPort
	int port;

	@Test
	void servesHealthProbesAndPrometheusMetrics() {
		ServiceProbes.assertServing(this.port, "domain-service");
	}

}
