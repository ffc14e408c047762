package io.meridian.admin.backend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackendChannelsTest {

	@Test
	void hostAndPortAcceptsNamesAndAddresses() {
		assertThat(BackendChannels.HostAndPort.parse(Backend.GATEWAY, "127.0.0.1:9201")).isEqualTo(new BackendChannels.HostAndPort("127.0.0.1", 9201));
		assertThat(BackendChannels.HostAndPort.parse(Backend.GATEWAY, "gateway.meridian.svc:9201"))
			.isEqualTo(new BackendChannels.HostAndPort("gateway.meridian.svc", 9201));
		assertThat(BackendChannels.HostAndPort.parse(Backend.GATEWAY, "[::1]:9201")).isEqualTo(new BackendChannels.HostAndPort("::1", 9201));
	}

	@Test
	void aWrongAddressNamesTheSettingToFix() {
		assertThatIllegalArgumentException().isThrownBy(() -> BackendChannels.HostAndPort.parse(Backend.DOMAIN_SERVICE, "domain-service"))
			.withMessageStartingWith("meridian.admin.domain-service.address must be host:port");
		assertThatIllegalArgumentException().isThrownBy(() -> BackendChannels.open(Backend.GATEWAY, "static://gateway"))
			.withMessageContaining("'gateway'");
	}

	@Test
	void everyFormOpensAChannel() {
		for (String address : new String[] { "127.0.0.1:9201", "static://127.0.0.1:9201", "dns:///localhost:9201" }) {
			var channel = BackendChannels.open(Backend.GATEWAY, address);
			try {
				assertThat(channel.authority()).endsWith(":9201");
			}
			finally {
				channel.shutdownNow();
			}
		}
	}

}
