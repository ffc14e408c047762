package io.meridian.testsupport;

import java.nio.file.Path;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A private redis-server answers on its own port, is gone once killed, and comes back empty on the same port. */
class PrivateRedisIT {

	@Test
	void killedAndRestartedOnTheSamePort() {
		try (PrivateRedis redis = PrivateRedis.start(Path.of("target", "private-redis-it.log"))) {
			assertThat(redis.port()).isNotEqualTo(RealServer.REDIS.localPort());
			RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(redis.port()).withTimeout(Duration.ofSeconds(5)).build());
			try {
				try (StatefulRedisConnection<String, String> c = client.connect()) {
					c.sync().set("k", "v");
					assertThat(c.sync().get("k")).isEqualTo("v");
				}

				redis.kill();
				assertThat(redis.isRunning()).isFalse();
				assertThatThrownBy(client::connect).isInstanceOf(RedisConnectionException.class);

				redis.restart();
				assertThat(redis.isRunning()).isTrue();
				try (StatefulRedisConnection<String, String> c = client.connect()) {
					assertThat(c.sync().get("k")).as("nothing kept across a restart").isNull();
				}
			}
			finally {
				client.shutdown();
			}
		}
	}

}
