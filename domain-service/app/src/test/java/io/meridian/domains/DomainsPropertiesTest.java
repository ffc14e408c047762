package io.meridian.domains;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DomainsPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void defaults() {
		this.runner.run(context -> {
			DomainsProperties properties = context.getBean(DomainsProperties.class);
			assertThat(properties.hostTypes()).isEmpty();
			assertThat(properties.staticDomains()).isEmpty();
			assertThat(properties.eventRetention()).isEqualTo(Duration.ofDays(7));
			assertThat(properties.eventCleanupInterval()).isEqualTo(Duration.ofHours(1));
			assertThat(properties.redis()).isEqualTo(new DomainsProperties.Redis("127.0.0.1", 6379, "meridian:domains", Duration.ofSeconds(2)));
		});
	}

	@Test
	void staticDomainsAreBoundWithDotsAndKeptCanonical() {
		this.runner
			.withPropertyValues("meridian.domains.host-types=type1,type2", "meridian.domains.static[Example.COM]=type-static",
					"meridian.domains.static[xn--bcher-kva.example]=type1")
			.run(context -> {
				DomainsProperties properties = context.getBean(DomainsProperties.class);
				assertThat(properties.hostTypes()).containsExactly("type1", "type2");
				assertThat(properties.staticDomains()).isEqualTo(Map.of("example.com", "type-static", "bücher.example", "type1"));
			});
	}

	@Test
	void anInvalidStaticDomainFailsTheStartWithItsReason() {
		this.runner.withPropertyValues("meridian.domains.static[bad_name.example]=type1")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'bad_name.example' is not a valid domain"));
	}

	@Test
	void aBlankHostTypeFailsTheStart() {
		this.runner.withPropertyValues("meridian.domains.host-types[0]= ")
			.run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("meridian.domains.host-types"));
	}

	@Test
	void aZeroRetentionFailsTheStart() {
		this.runner.withPropertyValues("meridian.domains.event-retention=0s")
			.run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("event-retention"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DomainsProperties.class)
	static class Config {

	}

}
