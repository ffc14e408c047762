package io.meridian.gateway;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.meridian.gateway.domain.HostedDomains;
import io.meridian.gateway.domain.StaticHostedDomains;
import io.meridian.gateway.transport.C2sListener;
import io.meridian.gateway.transport.C2sProperties;

/** The XMPP gateway: client connections, streams, sessions and routing. */
@SpringBootApplication
@EnableConfigurationProperties({ GatewayProperties.class, C2sProperties.class })
public class GatewayApplication {

	@Bean
	HostedDomains hostedDomains(GatewayProperties properties) {
		return new StaticHostedDomains(properties.hosts());
	}

	@Bean
	C2sListener c2sListener(C2sProperties properties, HostedDomains domains, MeterRegistry meters) {
		return new C2sListener(properties, domains, meters);
	}

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
