package io.meridian.pool;

import org.springframework.context.annotation.Configuration;

/** elastic pools. */
@Configuration(proxyBeanMethods = false)
class ElasticPoolConfiguration {

}
