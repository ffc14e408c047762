package io.meridian.pool;

import org.opensearch.client.RestClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** elastic pools: the OpenSearch low-level REST client, for OpenSearch and Elasticsearch alike. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(RestClient.class)
class ElasticPoolConfiguration {

	@Bean
	PoolClientFactory<RestClient, ElasticConnection> elasticPoolClientFactory() {
		return new ElasticPoolClientFactory();
	}

}
