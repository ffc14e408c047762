package io.meridian.pool;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.metadata.EndPoint;
import com.datastax.oss.driver.api.core.ssl.SslEngineFactory;

/**
 * Makes cassandra clients: a {@link CassandraClient} whose session opens on first use, with
 * {@code call-timeout} as the driver's request, connect and set-up timeouts.
 */
final class CassandraPoolClientFactory implements PoolClientFactory<CassandraClient, CassandraConnection> {

	static final String CHECK_QUERY = "SELECT release_version FROM system.local";

	@Override
	public PoolType type() {
		return PoolType.CASSANDRA;
	}

	@Override
	public Class<CassandraConnection> connectionType() {
		return CassandraConnection.class;
	}

	@Override
	public CassandraClient create(PoolDefinition definition, CassandraConnection connection) {
		DriverConfigLoader config = config(definition, connection);
		Duration callTimeout = definition.options().callTimeout();
		return new CassandraClient(() -> builder(connection, config).buildAsync(), callTimeout);
	}

	static DriverConfigLoader config(PoolDefinition definition, CassandraConnection connection) {
		Duration callTimeout = definition.options().callTimeout();
		ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
			.withString(DefaultDriverOption.SESSION_NAME, "cassandra-" + definition.host() + "-" + definition.tag())
			.withDuration(DefaultDriverOption.REQUEST_TIMEOUT, callTimeout)
			.withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, callTimeout)
			.withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, callTimeout)
			.withDuration(DefaultDriverOption.CONNECTION_SET_KEYSPACE_TIMEOUT, callTimeout)
			.withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, callTimeout)
			// A failed start is retried by the next call, not by the driver in the background,
			// so that call sees why (no node reachable, unknown keyspace, bad credentials).
			.withBoolean(DefaultDriverOption.RECONNECT_ON_INIT, false)
			// A failed start shuts its event loops down before reporting; the default 2s quiet
			// period would hold every such call that long.
			.withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
			.withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
		if (connection.localDatacenter() != null) {
			config.withString(DefaultDriverOption.LOAD_BALANCING_LOCAL_DATACENTER, connection.localDatacenter());
		}
		else {
			// The driver's own policy for contact points in one datacenter: it reads their datacenter.
			config.withString(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, "DcInferringLoadBalancingPolicy");
		}
		return config.build();
	}

	private static CqlSessionBuilder builder(CassandraConnection connection, DriverConfigLoader config) {
		CqlSessionBuilder builder = CqlSession.builder().withConfigLoader(config);
		for (CassandraConnection.Server server : connection.servers()) {
			// Looked up at each attempt to open the session, on a call, not when the pool is made.
			builder.addContactPoint(new InetSocketAddress(server.host(), server.port()));
		}
		if (connection.keyspace() != null) {
			builder.withKeyspace(connection.keyspace());
		}
		if (connection.username() != null) {
			builder.withAuthCredentials(connection.username(), connection.password());
		}
		if (connection.tls() != null) {
			builder.withSslEngineFactory(new TlsEngineFactory(connection.tls(), connection.tls().sslContext()));
		}
		return builder;
	}

	@Override
	public void check(CassandraClient client) {
		if (client.session().execute(CHECK_QUERY).one() == null) {
			throw new IllegalStateException("system.local returned no row");
		}
	}

	@Override
	public boolean isTimeout(Throwable error) {
		return PoolClientFactory.anyCause(error, cause -> cause instanceof DriverTimeoutException);
	}

	@Override
	public void close(CassandraClient client) {
		client.close();
	}

	/** The driver's TLS hook, set up from the pool's {@link TlsOptions} for each node connected to. */
	record TlsEngineFactory(TlsOptions tls, SSLContext context) implements SslEngineFactory {

		@Override
		public SSLEngine newSslEngine(EndPoint remote) {
			InetSocketAddress address = (InetSocketAddress) remote.resolve();
			String host = address.getHostString();
			// The engine's peer host is the name host name verification checks.
			SSLEngine engine = this.context.createSSLEngine(this.tls.expectedName(host), address.getPort());
			engine.setUseClientMode(true);
			this.tls.configure(engine, host);
			return engine;
		}

		@Override
		public void close() {
		}

	}

}
