package io.meridian.pool;

import org.springframework.context.annotation.Configuration;

/** rabbit pools. */
@Configuration(proxyBeanMethods = false)
class RabbitPoolConfiguration {

}
