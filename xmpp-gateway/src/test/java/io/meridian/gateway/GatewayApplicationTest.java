package io.meridian.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.meridian.gateway.transport.C2sListener;
import io.meridian.testsupport.ServiceProbes;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "meridian.c2s.port=0", "meridian.c2s.direct-tls-port=0", "spring.grpc.server.port=0", "meridian.data-dir=./target/gateway-application-test" })
class GatewayApplicationTest {

	@LocalServerPort
	int httpPort;

	@Autowired
	C2sListener c2s;

	@Test
	void servesHealthProbesAndPrometheusMetrics() {
		ServiceProbes.assertServing(this.httpPort, "xmpp-gateway");
	}

	@Test
	void answersAClientStreamOnTheBoundPortAndCountsTheConnection() throws Exception {
		try (XmppClientSocket client = new XmppClientSocket(this.c2s.port())) {
			client.send(XmppClientSocket.header("localhost"));
			assertThat(client.readUntil("</stream:features>")).contains("<stream:stream ")
				.contains("from='localhost'")
				.contains("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>");
			assertThat(ServiceProbes.get(this.httpPort, "/actuator/prometheus")).contains("meridian_c2s_connections{");
		}
	}

	@Test
	void refusesAnUnknownDomainWithHostUnknown() throws Exception {
		try (XmppClientSocket client = new XmppClientSocket(this.c2s.port())) {
			client.send(XmppClientSocket.header("unknown.example"));
			assertThat(client.readUntil("</stream:stream>")).contains("<host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>");
			assertThat(client.closedByServer()).isTrue();
		}
	}

}
