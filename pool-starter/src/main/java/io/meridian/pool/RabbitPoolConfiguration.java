package io.meridian.pool;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** rabbit pools: Spring AMQP's RabbitTemplate over a caching connection to the broker. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(RabbitTemplate.class)
class RabbitPoolConfiguration {

	@Bean
	PoolClientFactory<RabbitClient, RabbitConnection> rabbitPoolClientFactory(ObjectProvider<MeterRegistry> meters) {
		return new RabbitPoolClientFactory(meters.getIfAvailable(() -> Metrics.globalRegistry));
	}

}
