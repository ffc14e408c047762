package io.meridian.pool;

import org.springframework.context.annotation.Configuration;

/** rdbms pools. */
@Configuration(proxyBeanMethods = false)
class RdbmsPoolConfiguration {

}
