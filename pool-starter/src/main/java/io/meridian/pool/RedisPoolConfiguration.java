package io.meridian.pool;

import org.springframework.context.annotation.Configuration;

/** redis pools. */
@Configuration(proxyBeanMethods = false)
class RedisPoolConfiguration {

}
