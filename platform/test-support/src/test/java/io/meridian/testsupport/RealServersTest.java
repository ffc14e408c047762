package io.meridian.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RealServersTest {

	@Test
	void parsesHostAndPortFromTheEnvironmentValue() {
		assertThat(RealServers.parse("db.internal:15432", RealServer.POSTGRES))
			.isEqualTo(new Endpoint("db.internal", 15432, "MERIDIAN_IT_POSTGRES"));
	}

	@Test
	void parsesBracketedIpv6() {
		assertThat(RealServers.parse("[::1]:6379", RealServer.REDIS).host()).isEqualTo("::1");
	}

	@Test
	void rejectsAValueWithoutPortNamingTheVariable() {
		assertThatIllegalArgumentException().isThrownBy(() -> RealServers.parse("localhost", RealServer.REDIS))
			.withMessageContaining("MERIDIAN_IT_REDIS must be host:port");
	}

	@Test
	void aClosedPortIsNotReachable() {
		assertThat(RealServers.reachable(new Endpoint("127.0.0.1", 1, "test"))).isFalse();
	}

}
