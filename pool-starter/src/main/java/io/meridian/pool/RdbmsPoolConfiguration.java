package io.meridian.pool;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** rdbms pools: HikariCP and Spring's JdbcTemplate; the application brings the JDBC driver. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ HikariDataSource.class, JdbcTemplate.class })
class RdbmsPoolConfiguration {

	@Bean
	PoolClientFactory<RdbmsClient, RdbmsConnection> rdbmsPoolClientFactory() {
		return new RdbmsPoolClientFactory();
	}

}
