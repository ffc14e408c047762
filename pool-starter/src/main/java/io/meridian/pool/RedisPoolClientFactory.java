package io.meridian.pool;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.X509TrustManager;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.netty.channel.ConnectTimeoutException;

import org.springframework.beans.factory.DisposableBean;

/**
 * Makes redis clients: Lettuce connections, one per worker, whose commands and connection
 * attempts time out after {@code call-timeout}. All redis pools share one set of Netty threads,
 * shut down with the application context.
 */
final class RedisPoolClientFactory implements PoolClientFactory<RedisPoolClient, RedisConnection>, DisposableBean {

	/** Reconnect quickly after a blip, and at least every few seconds during a long outage (Lettuce's own cap is 30s). */
	private static final Delay RECONNECT_DELAY = Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(5), 2,
			TimeUnit.MILLISECONDS);

	private ClientResources resources;

	@Override
	public PoolType type() {
		return PoolType.REDIS;
	}

	@Override
	public Class<RedisConnection> connectionType() {
		return RedisConnection.class;
	}

	@Override
	public RedisPoolClient create(PoolDefinition definition, RedisConnection connection) {
		RedisURI uri = redisUri(definition, connection);
		RedisClient redis = RedisClient.create(resources(), uri);
		redis.setOptions(clientOptions(definition, connection));
		return new RedisPoolClient(redis, uri, definition.options().workers(), definition.options().callTimeout());
	}

	static RedisURI redisUri(PoolDefinition definition, RedisConnection connection) {
		RedisURI.Builder uri = RedisURI.Builder.redis(connection.host(), connection.port())
			.withDatabase(connection.database())
			.withTimeout(definition.options().callTimeout())
			.withClientName(clientName(definition));
		if (connection.username() != null) {
			uri.withAuthentication(connection.username(), connection.password().toCharArray());
		}
		else if (connection.password() != null) {
			uri.withPassword(connection.password().toCharArray());
		}
		TlsOptions tls = connection.tls();
		if (tls != null) {
			uri.withSsl(true).withVerifyPeer(switch (tls.verifyMode()) {
				case PEER -> SslVerifyMode.FULL;
				// The self-signed trust manager checks the chain; the name is not checked, as in TlsOptions.
				case SELFSIGNED_PEER -> SslVerifyMode.CA;
				case NONE -> SslVerifyMode.NONE;
			});
		}
		return uri.build();
	}

	/** {@code redis-<host>-<tag>} in CLIENT LIST, as the rdbms pools name theirs; Redis refuses spaces in it. */
	static String clientName(PoolDefinition definition) {
		return ("redis-" + definition.host() + "-" + definition.tag()).replaceAll("[^\\x21-\\x7e]", "_");
	}

	static ClientOptions clientOptions(PoolDefinition definition, RedisConnection connection) {
		Duration callTimeout = definition.options().callTimeout();
		ClientOptions.Builder options = ClientOptions.builder()
			.autoReconnect(true)
			// Fail at once while disconnected, as MongooseIM's eredis workers do, instead of queueing until call-timeout.
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(callTimeout).build())
			.timeoutOptions(TimeoutOptions.enabled(callTimeout));
		if (connection.tls() != null) {
			options.sslOptions(sslOptions(definition, connection, callTimeout));
		}
		return options.build();
	}

	/** TlsOptions' trust, client certificate and handshake parameters, handed to Lettuce's Netty context. */
	private static SslOptions sslOptions(PoolDefinition definition, RedisConnection connection, Duration callTimeout) {
		TlsOptions tls = connection.tls();
		X509TrustManager trust;
		KeyManager[] keys;
		try {
			trust = tls.trustManager();
			keys = tls.keyManagers();
		}
		catch (GeneralSecurityException | IOException | IllegalStateException ex) {
			throw new PoolConfigurationException(definition.describe() + ".connection.tls: " + ex.getMessage(), ex);
		}
		return SslOptions.builder()
			.jdkSslProvider()
			.handshakeTimeout(callTimeout)
			.sslContext(builder -> {
				builder.trustManager(trust);
				if (keys != null) {
					builder.keyManager(keys[0]);
				}
			})
			.sslParameters(() -> tls.sslParameters(connection.host()))
			.build();
	}

	private synchronized ClientResources resources() {
		if (this.resources == null) {
			this.resources = DefaultClientResources.builder().reconnectDelay(RECONNECT_DELAY).build();
		}
		return this.resources;
	}

	@Override
	public void check(RedisPoolClient client) {
		String reply = client.commands().ping();
		if (!"PONG".equals(reply)) {
			throw new IllegalStateException("PING answered '" + reply + "'");
		}
	}

	@Override
	public boolean isTimeout(Throwable error) {
		return PoolClientFactory.anyCause(error, cause -> cause instanceof RedisCommandTimeoutException || cause instanceof TimeoutException
				|| cause instanceof ConnectTimeoutException);
	}

	@Override
	public void close(RedisPoolClient client) {
		client.close();
	}

	@Override
	public synchronized void destroy() {
		if (this.resources != null) {
			this.resources.shutdown(0, 2, TimeUnit.SECONDS);
			this.resources = null;
		}
	}

}
