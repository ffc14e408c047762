package io.meridian.pool;

import org.springframework.context.annotation.Configuration;

/** cassandra pools. */
@Configuration(proxyBeanMethods = false)
class CassandraPoolConfiguration {

}
