package io.meridian.pool;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSocket;

import com.rabbitmq.client.ChannelContinuationTimeoutException;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.AMQImpl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** How a rabbit entry binds and what the AMQP client is told; the IT shows it against RabbitMQ. */
class RabbitConnectionTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class));

	private final RabbitPoolClientFactory factory = new RabbitPoolClientFactory(new SimpleMeterRegistry());

	@Test
	void defaultsAreMongooseIms() {
		RabbitConnection connection = bind("type", "rabbit");
		assertThat(connection.amqpHost()).isEqualTo("localhost");
		assertThat(connection.amqpPort()).isEqualTo(5672);
		assertThat(connection.amqpUsername()).isEqualTo("guest");
		assertThat(connection.amqpPassword()).isEqualTo("guest");
		assertThat(connection.confirmsEnabled()).isFalse();
		assertThat(connection.maxQueued()).isEqualTo(1000);
		assertThat(connection.tls()).isNull();
	}

	@Test
	void optionsBindFromMongooseImNamesAndHideThePassword() {
		RabbitConnection connection = bind("type", "rabbit", "connection.amqp_host", "broker", "connection.amqp_port", "5673",
				"connection.amqp_username", "meridian", "connection.amqp_password", "s3cret", "connection.confirms_enabled",
				"true", "connection.max_worker_queue_len", "infinity");
		assertThat(connection.amqpHost()).isEqualTo("broker");
		assertThat(connection.amqpPort()).isEqualTo(5673);
		assertThat(connection.confirmsEnabled()).isTrue();
		assertThat(connection.maxQueued()).isEqualTo(Integer.MAX_VALUE);
		assertThat(connection.toString()).contains("amqpPassword=******").doesNotContain("s3cret");
	}

	@Test
	void tlsMovesTheDefaultPortToAmqps() {
		assertThat(bind("type", "rabbit", "connection.tls.verify-mode", "peer").amqpPort()).isEqualTo(5671);
	}

	@Test
	void aQueueLengthThatIsNeitherANumberNorInfinityIsRefused() {
		failsWith("meridian.outgoing-pools[0].connection", "type=rabbit", "connection.max-worker-queue-len=lots");
		this.runner.withPropertyValues(prefixed("type=rabbit", "connection.max-worker-queue-len=lots"))
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("max-worker-queue-len must be a number of at least 0 or 'infinity', was 'lots'"));
	}

	@Test
	void anUnknownConnectionKeyListsTheKnownOnes() {
		failsWith("meridian.outgoing-pools[0].connection.host: unknown key; expected one of amqp-host, amqp-port, "
				+ "amqp-username, amqp-password, confirms-enabled, max-worker-queue-len, tls", "type=rabbit",
				"connection.host=broker");
	}

	@Test
	void callTimeoutBoundsConnectHandshakeAndRpcs() {
		PoolDefinition definition = definition("type", "rabbit", "pool.call-timeout", "1500ms", "connection.tls.verify-mode",
				"none");
		ConnectionFactory rabbit = RabbitPoolClientFactory.rabbitFactory(definition, (RabbitConnection) definition.connection());
		assertThat(rabbit.getConnectionTimeout()).isEqualTo(1500);
		assertThat(rabbit.getHandshakeTimeout()).isEqualTo(1500);
		assertThat(rabbit.getChannelRpcTimeout()).isEqualTo(1500);
		assertThat(rabbit.isAutomaticRecoveryEnabled()).isFalse();
		assertThat(rabbit.isSSL()).isTrue();
	}

	@Test
	void tlsSocketsCarryTheServerNameVersionsAndHostNameCheck() throws Exception {
		TlsOptions tls = TlsOptions.defaults();
		try (SSLSocket socket = (SSLSocket) tls.sslContext().getSocketFactory().createSocket()) {
			RabbitPoolClientFactory.tlsConfigurator(tls, "broker.example.org").configure(socket);
			assertThat(socket.getSSLParameters().getServerNames()).containsExactly(new SNIHostName("broker.example.org"));
			assertThat(socket.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
			assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
			assertThat(socket.getTcpNoDelay()).isTrue();
		}
	}

	@Test
	void confirmAndRpcTimeoutsAreCallTimeouts() {
		assertThat(this.factory.isTimeout(new AmqpTimeoutException("no publisher confirm"))).isTrue();
		assertThat(this.factory.isTimeout(new AmqpIOException(new ChannelContinuationTimeoutException(
				new TimeoutException(), "channel", 1, new AMQImpl.Exchange.DeclareOk())))).isTrue();
		assertThat(this.factory.isTimeout(new AmqpConnectException(new java.net.ConnectException("refused")))).isFalse();
	}

	private RabbitConnection bind(String... keysAndValues) {
		return (RabbitConnection) definition(keysAndValues).connection();
	}

	private PoolDefinition definition(String... keysAndValues) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			properties.put(PoolDefinitions.PREFIX + "[0]." + keysAndValues[i], keysAndValues[i + 1]);
		}
		return PoolDefinitions.bind(new Binder(new MapConfigurationPropertySource(properties)), Map.of(PoolType.RABBIT, this.factory))
			.get(0);
	}

	private static String[] prefixed(String... properties) {
		return Arrays.stream(properties).map(p -> PoolDefinitions.PREFIX + "[0]." + p).toArray(String[]::new);
	}

	private void failsWith(String message, String... properties) {
		this.runner.withPropertyValues(prefixed(properties)).run(context -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof PoolConfigurationException)) {
				failure = failure.getCause();
			}
			assertThat(failure).as("a PoolConfigurationException").isNotNull();
			assertThat(failure.getMessage()).contains(message);
		});
	}

}
