package io.meridian.pool;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.SslProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes http clients: a Reactor Netty client keeping at most {@code workers} connections to the
 * server, with {@code request-timeout} as connect, TLS handshake and response timeout, behind
 * a WebClient from the application's {@code WebClient.Builder} when it has one.
 */
final class HttpPoolClientFactory implements PoolClientFactory<HttpPoolClient, HttpConnection> {

	private final Supplier<WebClient.Builder> builders;

	HttpPoolClientFactory(Supplier<WebClient.Builder> builders) {
		this.builders = builders;
	}

	@Override
	public PoolType type() {
		return PoolType.HTTP;
	}

	@Override
	public Class<HttpConnection> connectionType() {
		return HttpConnection.class;
	}

	@Override
	public HttpPoolClient create(PoolDefinition definition, HttpConnection connection) {
		Duration timeout = connection.requestTimeout();
		// One connection per worker, as MongooseIM's http workers; a call never waits for a
		// connection longer than it may wait at all.
		ConnectionProvider connections = ConnectionProvider.builder("http-" + definition.host() + "-" + definition.tag())
			.maxConnections(definition.options().workers())
			.pendingAcquireTimeout(definition.options().callTimeout())
			.build();
		HttpClient http = HttpClient.create(connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
			.responseTimeout(timeout);
		if (connection.https()) {
			http = http.secure(tls(connection));
		}
		WebClient webClient = this.builders.get()
			.clientConnector(new ReactorClientHttpConnector(http))
			.baseUrl(connection.baseUrl())
			.build();
		return new HttpPoolClient(webClient, connections, connection);
	}

	/** The pool's {@link TlsOptions} as Reactor Netty TLS: its SSL context, and its parameters on every engine. */
	static Consumer<SslProvider.SslContextSpec> tls(HttpConnection connection) {
		TlsOptions tls = connection.tls();
		String host = connection.hostName();
		SslContext context = new JdkSslContext(tls.sslContext(), true, null, IdentityCipherSuiteFilter.INSTANCE, null,
				ClientAuth.NONE, null, false);
		// Runs after Reactor Netty's own host name check, so verify-mode decides whether there is one.
		return spec -> spec.sslContext(new ContextSpec(context))
			.handshakeTimeout(connection.requestTimeout())
			.handlerConfigurator(handler -> tls.configure(handler.engine(), host));
	}

	@Override
	public void check(HttpPoolClient client) {
		client.check();
	}

	@Override
	public boolean isTimeout(Throwable error) {
		return PoolClientFactory.anyCause(error, cause -> cause instanceof io.netty.handler.timeout.TimeoutException || cause instanceof ConnectTimeoutException
				|| cause instanceof SslHandshakeTimeoutException || cause instanceof java.util.concurrent.TimeoutException);
	}

	@Override
	public void close(HttpPoolClient client) {
		client.close(Duration.ofSeconds(5));
	}

	/** An SSL context made elsewhere (from the pool's TlsOptions), as Reactor Netty takes one. */
	private record ContextSpec(SslContext sslContext) implements SslProvider.GenericSslContextSpec<Void> {

		@Override
		public SslProvider.GenericSslContextSpec<Void> configure(Consumer<Void> configurator) {
			return this;
		}

	}

}
