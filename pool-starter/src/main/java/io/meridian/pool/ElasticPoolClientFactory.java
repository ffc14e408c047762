package io.meridian.pool;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLEngine;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.Request;
import org.opensearch.client.RestClient;
import org.opensearch.client.RestClientBuilder;

/**
 * Makes elastic clients: the OpenSearch low-level REST client (plain HTTP and JSON, so it
 * serves Elasticsearch too) keeping at most {@code workers} connections to the node, with
 * {@code call-timeout} as connect and response timeout.
 */
final class ElasticPoolClientFactory implements PoolClientFactory<RestClient, ElasticConnection> {

	@Override
	public PoolType type() {
		return PoolType.ELASTIC;
	}

	@Override
	public Class<ElasticConnection> connectionType() {
		return ElasticConnection.class;
	}

	@Override
	public RestClient create(PoolDefinition definition, ElasticConnection connection) {
		int workers = definition.options().workers();
		Timeout timeout = Timeout.of(definition.options().callTimeout());
		RestClientBuilder builder = RestClient.builder(new HttpHost(connection.scheme(), connection.host(), connection.port()))
			.setRequestConfigCallback(config -> timeouts(config, timeout))
			.setHttpClientConfigCallback(http -> {
				PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
					.setMaxConnTotal(workers)
					.setMaxConnPerRoute(workers)
					.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build());
				if (connection.tls() != null) {
					connections.setTlsStrategy(tlsStrategy(connection));
				}
				return http.setConnectionManager(connections.build());
			});
		if (connection.username() != null) {
			// Preemptive basic auth: the credentials go with each request instead of after a 401 challenge.
			String credentials = connection.username() + ":" + connection.password();
			builder.setDefaultHeaders(new Header[] { new BasicHeader(HttpHeaders.AUTHORIZATION,
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))) });
		}
		return builder.build();
	}

	/** The REST client sets its own connect timeout on each request, which wins over the connection manager's. */
	@SuppressWarnings("deprecation")
	private static RequestConfig.Builder timeouts(RequestConfig.Builder config, Timeout timeout) {
		return config.setConnectTimeout(timeout).setResponseTimeout(timeout).setConnectionRequestTimeout(timeout);
	}

	/**
	 * The pool's {@link TlsOptions} for every connection: its SSL context, then its parameters on
	 * the engine, which decide whether and against which name the host is verified.
	 */
	static TlsStrategy tlsStrategy(ElasticConnection connection) {
		TlsOptions tls = connection.tls();
		String host = connection.host();
		return new DefaultClientTlsStrategy(tls.sslContext(), HostnameVerificationPolicy.BUILTIN, NoopHostnameVerifier.INSTANCE) {

			@Override
			protected void initializeEngine(SSLEngine engine) {
				tls.configure(engine, host);
			}

		};
	}

	@Override
	public void check(RestClient client) throws Exception {
		client.performRequest(new Request("GET", "/"));
	}

	@Override
	public boolean isTimeout(Throwable error) {
		return PoolClientFactory.anyCause(error, cause -> cause instanceof SocketTimeoutException || cause instanceof ConnectionRequestTimeoutException
				|| cause instanceof TimeoutException);
	}

	@Override
	public void close(RestClient client) throws Exception {
		client.close();
	}

}
