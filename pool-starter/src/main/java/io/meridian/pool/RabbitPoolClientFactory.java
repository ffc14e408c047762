package io.meridian.pool;

import java.net.Socket;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLSocket;

import com.rabbitmq.client.ChannelContinuationTimeoutException;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.SocketConfigurator;
import com.rabbitmq.client.SocketConfigurators;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * Makes rabbit clients: a {@link CachingConnectionFactory} that connects on first use, with
 * {@code call-timeout} as its connect, handshake and RPC timeouts, and a {@link RabbitClient}
 * with one publishing queue per worker.
 */
final class RabbitPoolClientFactory implements PoolClientFactory<RabbitClient, RabbitConnection> {

	static final String DROPPED_METRIC = "meridian.pool.rabbit.dropped";

	private final MeterRegistry meters;

	RabbitPoolClientFactory(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public PoolType type() {
		return PoolType.RABBIT;
	}

	@Override
	public Class<RabbitConnection> connectionType() {
		return RabbitConnection.class;
	}

	@Override
	public RabbitClient create(PoolDefinition definition, RabbitConnection connection) {
		String name = "rabbit-" + definition.host() + "-" + definition.tag();
		CachingConnectionFactory connections = new CachingConnectionFactory(rabbitFactory(definition, connection));
		connections.setConnectionNameStrategy(factory -> name);
		if (connection.confirmsEnabled()) {
			connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
		}
		Tags tags = Tags.of("type", PoolType.RABBIT.configName(), "host", definition.host(), "tag", definition.tag());
		return new RabbitClient(connections, connection.confirmsEnabled(), definition.options().callTimeout(),
				definition.options().workers(), connection.maxQueued(), () -> dropped(tags).increment(),
				() -> this.meters.remove(dropped(tags)),
				Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-publisher-", 0).factory()));
	}

	/**
	 * Looked up at each drop rather than held: pools that {@code host} expansion made from one
	 * entry share these tags, and one of them stopping removes the counter the others still use.
	 */
	private Counter dropped(Tags tags) {
		return Counter.builder(DROPPED_METRIC)
			.description("Queued publishes dropped because their worker's queue was full")
			.tags(tags)
			.register(this.meters);
	}

	static ConnectionFactory rabbitFactory(PoolDefinition definition, RabbitConnection connection) {
		int timeout = (int) Math.min(definition.options().callTimeout().toMillis(), Integer.MAX_VALUE);
		ConnectionFactory rabbit = new ConnectionFactory();
		rabbit.setHost(connection.amqpHost());
		rabbit.setPort(connection.amqpPort());
		rabbit.setUsername(connection.amqpUsername());
		rabbit.setPassword(connection.amqpPassword());
		rabbit.setConnectionTimeout(timeout);
		rabbit.setHandshakeTimeout(timeout);
		rabbit.setChannelRpcTimeout(timeout);
		// The caching factory reconnects on the next use; the client's own recovery would race it.
		rabbit.setAutomaticRecoveryEnabled(false);
		if (connection.tls() != null) {
			rabbit.useSslProtocol(connection.tls().sslContext());
			rabbit.setSocketConfigurator(tlsConfigurator(connection.tls(), connection.amqpHost()));
		}
		return rabbit;
	}

	/** Applies the TLS options to each socket before it connects; the handshake follows the connect. */
	static SocketConfigurator tlsConfigurator(TlsOptions tls, String host) {
		SocketConfigurator defaults = SocketConfigurators.defaultConfigurator();
		return (Socket socket) -> {
			defaults.configure(socket);
			if (socket instanceof SSLSocket ssl) {
				ssl.setSSLParameters(tls.sslParameters(host));
			}
		};
	}

	@Override
	public void check(RabbitClient client) {
		// A round trip every broker answers: amq.direct always exists.
		client.template().execute(channel -> channel.exchangeDeclarePassive("amq.direct"));
	}

	@Override
	public boolean isTimeout(Throwable error) {
		return PoolClientFactory.anyCause(error, cause -> cause instanceof AmqpTimeoutException || cause instanceof ChannelContinuationTimeoutException);
	}

	@Override
	public void close(RabbitClient client) {
		client.close();
	}

}
