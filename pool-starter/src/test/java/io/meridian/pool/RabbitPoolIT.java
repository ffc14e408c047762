package io.meridian.pool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.amqp.rabbit.core.AmqpNackReceivedException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * rabbit pools against the real RabbitMQ (guest/guest on 5672). Where the broker must stall or
 * go away, the pool talks to it through a {@link TcpProxy} the test controls.
 */
class RabbitPoolIT {

	private static Endpoint broker;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	private final String queue = "meridian-pool-it-" + UUID.randomUUID();

	@BeforeAll
	static void locateBroker() {
		broker = RealServers.locate(RealServer.RABBITMQ);
	}

	@Test
	void sentAndQueuedMessagesReachAConsumer() {
		this.runner.withPropertyValues(pool(broker.host(), broker.port(), "10s")).run(context -> {
			OutgoingPool<RabbitClient> pool = rabbit(context);
			declareQueue(pool, Map.of());
			pool.call(client -> {
				client.send("", this.queue, "sent");
				return null;
			});
			pool.client().publish(null, "", this.queue, "queued").get(10, TimeUnit.SECONDS);
			assertThat(receive(pool)).isEqualTo("sent");
			assertThat(receive(pool)).isEqualTo("queued");
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void withConfirmsAMessageTheBrokerRefusesIsAnError() {
		this.runner.withPropertyValues(pool(broker.host(), broker.port(), "10s"))
			.withPropertyValues("meridian.outgoing-pools[0].connection.confirms-enabled=true")
			.run(context -> {
				OutgoingPool<RabbitClient> pool = rabbit(context);
				// A full queue that rejects publishes makes the broker nack them.
				declareQueue(pool, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
				pool.call(client -> {
					client.send("", this.queue, "fits");
					return null;
				});
				assertThatThrownBy(() -> pool.call(client -> {
					client.send("", this.queue, "refused");
					return null;
				})).isInstanceOf(AmqpNackReceivedException.class).hasMessageStartingWith("the broker refused the message");
				CompletableFuture<Void> queued = pool.client().publish(null, "", this.queue, "refused too");
				assertThat(queued).failsWithin(10, TimeUnit.SECONDS)
					.withThrowableThat()
					.withCauseInstanceOf(AmqpNackReceivedException.class);
				assertThat(receive(pool)).isEqualTo("fits");
			});
	}

	@Test
	void withConfirmsAPublishTheBrokerDoesNotConfirmInTimeIsACallTimeout() throws IOException {
		try (TcpProxy proxy = new TcpProxy(broker)) {
			this.runner.withPropertyValues(pool("127.0.0.1", proxy.port(), "1s"))
				.withPropertyValues("meridian.outgoing-pools[0].connection.confirms-enabled=true")
				.run(context -> {
					OutgoingPool<RabbitClient> pool = rabbit(context);
					declareQueue(pool, Map.of());
					proxy.pause();
					assertThatThrownBy(() -> pool.call(client -> {
						client.send("", this.queue, "stalled");
						return null;
					})).isInstanceOf(PoolCallTimeoutException.class).hasCauseInstanceOf(AmqpTimeoutException.class);
					proxy.resume();
				});
		}
	}

	@Test
	void aWorkerWithAFullQueueDropsTheOldestWaitingMessage() throws Exception {
		try (TcpProxy proxy = new TcpProxy(broker)) {
			this.runner.withPropertyValues(pool("127.0.0.1", proxy.port(), "30s"))
				.withPropertyValues("meridian.outgoing-pools[0].pool.workers=1",
						"meridian.outgoing-pools[0].connection.confirms-enabled=true",
						"meridian.outgoing-pools[0].connection.max-worker-queue-len=3")
				.run(context -> {
					OutgoingPool<RabbitClient> pool = rabbit(context);
					declareQueue(pool, Map.of());
					// The only worker publishes m0 and waits for its confirm, which the stalled proxy holds.
					proxy.pause();
					List<CompletableFuture<Void>> sent = new ArrayList<>();
					for (int i = 0; i <= 5; i++) {
						sent.add(pool.client().publish(null, "", this.queue, "m" + i));
					}
					assertThat(sent.get(1)).isCompletedExceptionally();
					assertThat(sent.get(2)).isCompletedExceptionally();
					assertThat(sent.get(1)).failsWithin(0, TimeUnit.SECONDS)
						.withThrowableThat()
						.withCauseInstanceOf(RabbitClient.MessageDroppedException.class);
					assertThat(pool.client().queued()).isEqualTo(3);
					assertThat(context.getBean(MeterRegistry.class).get(RabbitPoolClientFactory.DROPPED_METRIC).counter().count())
						.isEqualTo(2);
					proxy.resume();
					for (int i : new int[] { 0, 3, 4, 5 }) {
						sent.get(i).get(30, TimeUnit.SECONDS);
					}
					List<Object> received = new ArrayList<>();
					for (Object body = receive(pool); body != null; body = receive(pool)) {
						received.add(body);
					}
					assertThat(received).containsExactly("m0", "m3", "m4", "m5");
				});
		}
	}

	@Test
	void aBrokerThatGoesAwayIsAConnectError() throws IOException {
		TcpProxy proxy = new TcpProxy(broker);
		this.runner.withPropertyValues(pool("127.0.0.1", proxy.port(), "5s")).run(context -> {
			OutgoingPool<RabbitClient> pool = rabbit(context);
			declareQueue(pool, Map.of());
			proxy.close();
			// A send may still go out on the old connection until the client sees it closed.
			await().atMost(30, TimeUnit.SECONDS)
				.untilAsserted(() -> assertThatThrownBy(() -> pool.call(client -> {
					client.send("", this.queue, "lost");
					return null;
				})).isInstanceOf(AmqpConnectException.class));
			assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void aPoolWhoseBrokerIsDownStartsReportsDownAndFailsItsCalls() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		this.runner.withPropertyValues(pool("127.0.0.1", closed, "5s")).run(context -> {
			assertThat(context).hasNotFailed();
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("error")).asString().contains("Connection refused");
			assertThatThrownBy(() -> rabbit(context).call(client -> {
				client.send("", this.queue, "nowhere");
				return null;
			})).isInstanceOf(AmqpConnectException.class);
		});
	}

	private static String[] pool(String host, int port, String callTimeout) {
		return new String[] { "meridian.outgoing-pools[0].type=rabbit", "meridian.outgoing-pools[0].pool.workers=2",
				"meridian.outgoing-pools[0].pool.call-timeout=" + callTimeout,
				"meridian.outgoing-pools[0].connection.amqp-host=" + host,
				"meridian.outgoing-pools[0].connection.amqp-port=" + port };
	}

	private static OutgoingPool<RabbitClient> rabbit(AssertableApplicationContext context) {
		return context.getBean(OutgoingPools.class).get(PoolType.RABBIT);
	}

	/** A queue that goes with the pool's connection. */
	private void declareQueue(OutgoingPool<RabbitClient> pool, Map<String, Object> arguments) {
		pool.client().template().execute(channel -> channel.queueDeclare(this.queue, false, true, true, arguments));
	}

	private Object receive(OutgoingPool<RabbitClient> pool) {
		return pool.call(client -> client.template().receiveAndConvert(this.queue));
	}

	private static Health health(AssertableApplicationContext context) {
		return ((HealthIndicator) context.getBean(OutgoingPoolsHealthContributor.class).getContributor("rabbit-global-default"))
			.health();
	}

	/** Forwards TCP to the broker; can hold all traffic, or cut it and stop listening. */
	static final class TcpProxy implements AutoCloseable {

		private final Endpoint target;

		private final ServerSocket server;

		private final List<Socket> sockets = new CopyOnWriteArrayList<>();

		private volatile CountDownLatch gate = new CountDownLatch(0);

		TcpProxy(Endpoint target) throws IOException {
			this.target = target;
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread.ofVirtual().start(this::accept);
		}

		int port() {
			return this.server.getLocalPort();
		}

		/** Holds every byte in both directions until {@link #resume()}. */
		void pause() {
			this.gate = new CountDownLatch(1);
		}

		void resume() {
			this.gate.countDown();
		}

		private void accept() {
			while (!this.server.isClosed()) {
				try {
					Socket client = this.server.accept();
					Socket upstream = new Socket(this.target.host(), this.target.port());
					this.sockets.add(client);
					this.sockets.add(upstream);
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void pump(Socket from, Socket to) {
			Thread.ofVirtual().start(() -> {
				byte[] buffer = new byte[8192];
				try (from; to) {
					InputStream in = from.getInputStream();
					OutputStream out = to.getOutputStream();
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						this.gate.await();
						out.write(buffer, 0, n);
						out.flush();
					}
				}
				catch (IOException | InterruptedException ex) {
					// The proxy or one side closed: the other side sees its socket closed.
				}
			});
		}

		/** Stops listening and cuts every connection. */
		@Override
		public void close() throws IOException {
			this.server.close();
			for (Socket socket : this.sockets) {
				socket.close();
			}
			this.gate.countDown();
		}

	}

}
