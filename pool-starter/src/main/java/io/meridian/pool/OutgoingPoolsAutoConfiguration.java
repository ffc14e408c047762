package io.meridian.pool;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Outgoing pools from {@code meridian.outgoing-pools}: one {@link OutgoingPools} registry, a
 * client factory per pool type whose library is present, and a health contributor.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(OutgoingPoolsProperties.class)
@Import({ RdbmsPoolConfiguration.class, RedisPoolConfiguration.class, CassandraPoolConfiguration.class,
		HttpPoolConfiguration.class, RabbitPoolConfiguration.class, LdapPoolConfiguration.class, ElasticPoolConfiguration.class,
		GenericPoolConfiguration.class })
public class OutgoingPoolsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServedHosts servedHosts(Environment environment) {
		List<String> hosts = Binder.get(environment).bind("meridian.hosts", Bindable.listOf(String.class)).orElse(List.of());
		return () -> hosts;
	}

	@Bean
	OutgoingPools outgoingPools(Environment environment, List<PoolClientFactory<?, ?>> factories, ServedHosts hosts,
			ObjectProvider<MeterRegistry> meters) {
		Map<PoolType, PoolClientFactory<?, ?>> byType = factories.stream()
			.collect(Collectors.toMap(PoolClientFactory::type, Function.identity()));
		List<PoolDefinition> definitions = PoolDefinitions.bind(Binder.get(environment), byType);
		return new OutgoingPools(definitions, byType, hosts.hosts(), meters.getIfAvailable(() -> Metrics.globalRegistry));
	}

	@Bean
	OutgoingPoolsHealthContributor outgoingPoolsHealthContributor(OutgoingPools pools) {
		return new OutgoingPoolsHealthContributor(pools);
	}

}
