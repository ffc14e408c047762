package io.meridian.pool;

import io.lettuce.core.RedisClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** redis pools: Lettuce connections, one per worker. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(RedisClient.class)
class RedisPoolConfiguration {

	@Bean
	PoolClientFactory<RedisPoolClient, RedisConnection> redisPoolClientFactory() {
		return new RedisPoolClientFactory();
	}

}
