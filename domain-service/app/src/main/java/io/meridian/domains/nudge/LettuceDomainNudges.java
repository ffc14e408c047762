package io.meridian.domains.nudge;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Nudges through Redis pub/sub with Lettuce: the payload is the newest event id. Publishing
 * happens on a thread of its own, so a slow or absent Redis never delays a change; nudges that
 * queue up while one is being sent collapse into one with the greatest id, which is all a
 * follower needs to read every event up to it.
 */
public class LettuceDomainNudges implements DomainNudges, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LettuceDomainNudges.class);

	private final RedisClient client;

	private final String channel;

	private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("domain-nudges").daemon().factory());

	private final AtomicLong pending = new AtomicLong();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final Counter sent;

	private final Counter failed;

	/** Touched by the sender thread only. */
	private StatefulRedisConnection<String, String> connection;

	/** Touched by the sender thread only: one warning per outage, not one per change. */
	private boolean failing;

	/**
	 * @param host the Redis server's host
	 * @param port its port
	 * @param channel the pub/sub channel
	 * @param timeout how long connecting or publishing may take
	 * @param meters where the sent and failed nudges are counted
	 */
	public LettuceDomainNudges(String host, int port, String channel, Duration timeout, MeterRegistry meters) {
		this.client = RedisClient.create(RedisURI.builder().withHost(host).withPort(port).withTimeout(timeout).build());
		this.client.setOptions(ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			// A nudge that cannot go now is worthless later: fail it rather than queue it.
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build());
		this.channel = channel;
		this.sent = Counter.builder("meridian.domains.nudges").tag("outcome", "sent").description("Nudges published to the followers").register(meters);
		this.failed = Counter.builder("meridian.domains.nudges").tag("outcome", "failed").description("Nudges Redis did not take").register(meters);
	}

	@Override
	public void nudge(long eventId) {
		this.pending.accumulateAndGet(eventId, Math::max);
		if (this.scheduled.compareAndSet(false, true)) {
			this.sender.execute(this::sendPending);
		}
	}

	private void sendPending() {
		this.scheduled.set(false);
		long eventId = this.pending.getAndSet(0);
		if (eventId == 0) {
			return;
		}
		try {
			connection().sync().publish(this.channel, Long.toString(eventId));
			this.sent.increment();
			if (this.failing) {
				log.info("Domain nudges reach Redis on {} again", this.channel);
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			this.failed.increment();
			if (!this.failing) {
				log.warn("Domain nudge for event {} not published on {}: {}; followers catch up by polling", eventId, this.channel,
						ex.toString());
				this.failing = true;
			}
			else {
				log.debug("Domain nudge for event {} not published: {}", eventId, ex.toString());
			}
		}
	}

	private StatefulRedisConnection<String, String> connection() {
		if (this.connection == null) {
			// Once connected, Lettuce reconnects by itself; until then every nudge tries anew.
			this.connection = this.client.connect();
		}
		return this.connection;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.sender.shutdown();
		this.sender.awaitTermination(5, TimeUnit.SECONDS);
		this.client.shutdown();
	}

}
