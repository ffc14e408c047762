package io.meridian.pool;

import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * http pools: Spring's WebClient over Reactor Netty. Each pool starts from the application's
 * {@code WebClient.Builder} when there is one, so its codecs, filters and observations apply.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ WebClient.class, HttpClient.class })
class HttpPoolConfiguration {

	@Bean
	PoolClientFactory<HttpPoolClient, HttpConnection> httpPoolClientFactory(ObjectProvider<WebClient.Builder> builders) {
		return new HttpPoolClientFactory(() -> builders.getIfAvailable(WebClient::builder).clone());
	}

}
