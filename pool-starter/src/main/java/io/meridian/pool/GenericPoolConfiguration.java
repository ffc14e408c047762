package io.meridian.pool;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Generic pools: workers with no server behind them, for jobs such as push notifications. */
@Configuration(proxyBeanMethods = false)
class GenericPoolConfiguration {

	@Bean
	PoolClientFactory<GenericWorkers, GenericWorkers.Connection> genericPoolClientFactory() {
		return new GenericWorkers.Factory();
	}

}
