package io.meridian.pool;

import java.util.Locale;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection options of a {@code rabbit} pool, as MongooseIM's
 * {@code outgoing_pools.rabbit.*.connection}.
 *
 * @param amqpHost the broker's host
 * @param amqpPort the broker's port; 5672, or 5671 (AMQPS) when {@code tls} is given
 * @param amqpUsername the user to log in as
 * @param amqpPassword the user's password; never logged
 * @param confirmsEnabled whether each publish waits, up to {@code call-timeout}, for the broker to confirm it; a
 * message the broker refuses or does not confirm in time is then an error
 * @param maxWorkerQueueLen how many publishes may wait for each worker; past that the oldest waiting one is
 * dropped (and counted in {@code meridian.pool.rabbit.dropped}); a number of at least 0, or {@code infinity}
 * @param tls TLS to the broker; plain TCP when absent
 */
public record RabbitConnection(@DefaultValue("localhost") String amqpHost, Integer amqpPort,
		@DefaultValue("guest") String amqpUsername, @DefaultValue("guest") String amqpPassword, boolean confirmsEnabled,
		@DefaultValue("1000") String maxWorkerQueueLen, TlsOptions tls) {

	static final String INFINITY = "infinity";

	public RabbitConnection {
		if (amqpHost == null || amqpHost.isBlank()) {
			throw new IllegalArgumentException("amqp-host must not be blank");
		}
		if (amqpPort == null) {
			amqpPort = (tls != null) ? 5671 : 5672;
		}
		if (amqpPort < 1 || amqpPort > 65535) {
			throw new IllegalArgumentException("amqp-port must be between 1 and 65535, was " + amqpPort);
		}
		if (amqpUsername == null || amqpUsername.isEmpty()) {
			throw new IllegalArgumentException("amqp-username must not be empty");
		}
		maxWorkerQueueLen = (maxWorkerQueueLen != null) ? maxWorkerQueueLen.trim().toLowerCase(Locale.ROOT) : "1000";
		if (!maxWorkerQueueLen.equals(INFINITY) && !maxWorkerQueueLen.matches("\\d{1,9}")) {
			throw new IllegalArgumentException(
					"max-worker-queue-len must be a number of at least 0 or 'infinity', was '" + maxWorkerQueueLen + "'");
		}
	}

	/** The longest a worker's queue of waiting publishes gets; {@link Integer#MAX_VALUE} for {@code infinity}. */
	public int maxQueued() {
		return this.maxWorkerQueueLen.equals(INFINITY) ? Integer.MAX_VALUE : Integer.parseInt(this.maxWorkerQueueLen);
	}

	/** Hides the password, since the options end up in log lines and failure messages. */
	@Override
	public String toString() {
		return "RabbitConnection[amqpHost=" + this.amqpHost + ", amqpPort=" + this.amqpPort + ", amqpUsername="
				+ this.amqpUsername + ", amqpPassword=" + ((this.amqpPassword != null) ? "******" : null)
				+ ", confirmsEnabled=" + this.confirmsEnabled + ", maxWorkerQueueLen=" + this.maxWorkerQueueLen + ", tls="
				+ this.tls + "]";
	}

}
