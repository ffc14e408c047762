package io.meridian.pool;

import org.springframework.context.annotation.Configuration;

/** http pools. */
@Configuration(proxyBeanMethods = false)
class HttpPoolConfiguration {

}
