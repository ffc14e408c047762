package io.meridian.pool;

import com.datastax.oss.driver.api.core.CqlSession;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** cassandra pools: a DataStax Java driver session per pool. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(CqlSession.class)
class CassandraPoolConfiguration {

	@Bean
	PoolClientFactory<CassandraClient, CassandraConnection> cassandraPoolClientFactory() {
		return new CassandraPoolClientFactory();
	}

}
