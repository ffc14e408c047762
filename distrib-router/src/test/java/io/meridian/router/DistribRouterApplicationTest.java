package io.meridian.router;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.meridian.testsupport.ServiceProbes;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DistribRouterApplicationTest {

	@LocalServerPort
	int port;

	@Test
	void servesHealthProbesAndPrometheusMetrics() {
		ServiceProbes.assertServing(this.port, "distrib-router");
	}

}
