package io.meridian.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.AmqpNackReceivedException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The client of a {@code rabbit} pool: a {@link RabbitTemplate} over one cached connection,
 * and one publishing queue per worker, as MongooseIM's rabbit workers.
 * <ul>
 * <li>{@link #send} publishes on the caller's thread, for {@code pool.call(...)};</li>
 * <li>{@link #publish} queues the message on a worker, which publishes its queue in order.
 * A worker holds at most {@code max-worker-queue-len} waiting messages: one more drops the
 * oldest waiting, whose future then fails with {@link MessageDroppedException}.</li>
 * </ul>
 * With {@code confirms-enabled}, both wait for the broker's confirm up to {@code call-timeout}:
 * a nack is an {@link AmqpNackReceivedException}, no confirm in time an {@link AmqpTimeoutException}.
 */
public final class RabbitClient implements AutoCloseable {

	private final CachingConnectionFactory connections;

	private final RabbitTemplate template;

	private final boolean confirms;

	private final Duration callTimeout;

	private final int maxQueued;

	private final Runnable countDrop;

	private final Runnable onClose;

	private final ExecutorService executor;

	private final List<Publisher> publishers = new ArrayList<>();

	RabbitClient(CachingConnectionFactory connections, boolean confirms, Duration callTimeout, int workers, int maxQueued,
			Runnable countDrop, Runnable onClose, ExecutorService executor) {
		this.connections = connections;
		this.template = new RabbitTemplate(connections);
		this.confirms = confirms;
		this.callTimeout = callTimeout;
		this.maxQueued = maxQueued;
		this.countDrop = countDrop;
		this.onClose = onClose;
		this.executor = executor;
		for (int i = 0; i < workers; i++) {
			this.publishers.add(new Publisher());
		}
	}

	/** The template itself: to receive, declare, or publish with options {@link #send} has not. */
	public RabbitTemplate template() {
		return this.template;
	}

	/** Publishes now, on the caller's thread; with confirms, returns once the broker confirmed. */
	public void send(String exchange, String routingKey, Object payload) {
		Message message = (payload instanceof Message given) ? given
				: this.template.getMessageConverter().toMessage(payload, new MessageProperties());
		if (!this.confirms) {
			this.template.send(exchange, routingKey, message);
			return;
		}
		CorrelationData correlation = new CorrelationData();
		this.template.send(exchange, routingKey, message, correlation);
		CorrelationData.Confirm confirm;
		try {
			confirm = correlation.getFuture().get(this.callTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new AmqpTimeoutException("no publisher confirm within " + this.callTimeout.toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			throw new AmqpException("publisher confirm failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AmqpException("interrupted while waiting for a publisher confirm", ex);
		}
		if (!confirm.ack()) {
			throw new AmqpNackReceivedException("the broker refused the message"
					+ ((confirm.reason() != null) ? ": " + confirm.reason() : ""), message);
		}
	}

	/**
	 * Queues a publish on a worker: the one {@code key} hashes to, so messages with one key stay
	 * in order, or the least busy one when {@code key} is null. The future completes once the
	 * message is published (and confirmed, with confirms).
	 */
	public CompletableFuture<Void> publish(Object key, String exchange, String routingKey, Object payload) {
		Outgoing message = new Outgoing(exchange, routingKey, payload, new CompletableFuture<>());
		pick(key).offer(message);
		return message.result();
	}

	private Publisher pick(Object key) {
		if (key != null) {
			int h = key.hashCode();
			return this.publishers.get(Math.floorMod(h ^ (h >>> 16), this.publishers.size()));
		}
		Publisher best = this.publishers.get(0);
		for (Publisher candidate : this.publishers) {
			if (candidate.load() < best.load()) {
				best = candidate;
			}
		}
		return best;
	}

	/** Messages waiting on all workers, not counting the ones being published. */
	public int queued() {
		return this.publishers.stream().mapToInt(Publisher::waiting).sum();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
		for (Publisher publisher : this.publishers) {
			publisher.discard();
		}
		this.connections.destroy();
		this.onClose.run();
	}

	private record Outgoing(String exchange, String routingKey, Object payload, CompletableFuture<Void> result) {
	}

	/** One worker's queue; a virtual thread drains it while it has messages. */
	private final class Publisher {

		private final Deque<Outgoing> waiting = new ArrayDeque<>();

		private boolean running;

		void offer(Outgoing message) {
			Outgoing oldest = null;
			boolean start;
			synchronized (this) {
				start = !this.running;
				if (start) {
					this.running = true;
				}
				else {
					this.waiting.addLast(message);
					if (this.waiting.size() > RabbitClient.this.maxQueued) {
						oldest = this.waiting.pollFirst();
					}
				}
			}
			if (oldest != null) {
				RabbitClient.this.countDrop.run();
				oldest.result().completeExceptionally(new MessageDroppedException(RabbitClient.this.maxQueued));
			}
			if (start) {
				RabbitClient.this.executor.execute(() -> drain(message));
			}
		}

		private void drain(Outgoing first) {
			Outgoing next = first;
			while (next != null) {
				try {
					send(next.exchange(), next.routingKey(), next.payload());
					next.result().complete(null);
				}
				catch (Throwable ex) {
					// Whatever happened, the message's future says so and the queue keeps draining.
					next.result().completeExceptionally(ex);
				}
				synchronized (this) {
					next = this.waiting.pollFirst();
					this.running = (next != null);
				}
			}
		}

		synchronized int waiting() {
			return this.waiting.size();
		}

		synchronized int load() {
			return this.waiting.size() + (this.running ? 1 : 0);
		}

		void discard() {
			List<Outgoing> left;
			synchronized (this) {
				left = List.copyOf(this.waiting);
				this.waiting.clear();
			}
			left.forEach(m -> m.result().completeExceptionally(new AmqpException("the rabbit pool was closed")));
		}

	}

	/** A queued publish was dropped because its worker's queue was full. */
	public static final class MessageDroppedException extends AmqpException {

		MessageDroppedException(int maxQueued) {
			super("dropped: the worker already had " + maxQueued + " messages waiting (max-worker-queue-len)");
		}

	}

}
