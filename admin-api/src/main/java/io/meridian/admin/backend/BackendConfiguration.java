package io.meridian.admin.backend;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.meridian.admin.AdminProperties;
import io.meridian.domains.api.DomainServiceClient;
import io.meridian.gateway.api.GatewayAdminClient;

/** The clients of the services, over the channels {@link BackendChannels} owns. */
@Configuration(proxyBeanMethods = false)
class BackendConfiguration {

	@Bean
	BackendChannels backendChannels(AdminProperties properties) {
		return new BackendChannels(properties);
	}

	@Bean
	GatewayAdminClient gatewayAdminClient(BackendChannels channels) {
		return new GatewayAdminClient(channels.channel(Backend.GATEWAY), channels.deadline(Backend.GATEWAY));
	}

	@Bean
	DomainServiceClient domainServiceClient(BackendChannels channels) {
		return new DomainServiceClient(channels.channel(Backend.DOMAIN_SERVICE), channels.deadline(Backend.DOMAIN_SERVICE));
	}

	@Bean
	BackendHealth backendHealth(BackendChannels channels) {
		return new BackendHealth(channels);
	}

}
