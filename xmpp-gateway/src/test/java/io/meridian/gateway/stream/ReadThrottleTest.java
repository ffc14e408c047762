package io.meridian.gateway.stream;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle on a channel: 1000 bytes a second, 1000 at once. */
class ReadThrottleTest {

	private final Counter pauses = new SimpleMeterRegistry().counter("pauses");

	private final ReadThrottle throttle = new ReadThrottle(new StreamRates(1000, 1000, 10, 10), this.pauses);

	private EmbeddedChannel channel;

	@BeforeEach
	void channel() {
		this.channel = new EmbeddedChannel();
		this.channel.freezeTime();
		this.channel.pipeline().addLast(this.throttle);
	}

	@Test
	void readsOnWithinTheBurst() {
		assertThat(read(600)).isEqualTo(600);
		assertThat(this.channel.config().isAutoRead()).isTrue();
		assertThat(this.pauses.count()).isZero();
	}

	@Test
	void stopsReadingWhenTheBucketIsInDebtButPassesWhatWasReadThenResumesWhenItIsPaid() {
		read(600);
		assertThat(read(600)).as("nothing dropped").isEqualTo(600);
		assertThat(this.channel.config().isAutoRead()).isFalse();
		assertThat(this.pauses.count()).isEqualTo(1);

		advance(150);
		assertThat(this.channel.config().isAutoRead()).as("200 bytes owed take 200 ms").isFalse();
		advance(50);
		assertThat(this.channel.config().isAutoRead()).isTrue();
	}

	@Test
	void aReadWhilePausedAddsToTheWait() {
		read(1200);
		read(100);
		advance(200);
		assertThat(this.channel.config().isAutoRead()).isFalse();
		advance(100);
		assertThat(this.channel.config().isAutoRead()).isTrue();
		assertThat(this.pauses.count()).isEqualTo(1);
	}

	@Test
	void aHoldKeepsReadingStoppedWhateverTheRate() {
		this.throttle.hold(true);
		assertThat(this.channel.config().isAutoRead()).isFalse();
		read(1500);
		advance(1000);
		assertThat(this.channel.config().isAutoRead()).isFalse();
		this.throttle.hold(false);
		assertThat(this.channel.config().isAutoRead()).isTrue();
	}

	@Test
	void newRatesStartWithAFullBucket() {
		read(1000);
		this.throttle.rates(new StreamRates(1_000_000, 1_000_000, 10, 10));
		read(50_000);
		assertThat(this.channel.config().isAutoRead()).isTrue();
	}

	private int read(int bytes) {
		this.channel.writeInbound(Unpooled.wrappedBuffer(new byte[bytes]));
		ByteBuf passed = this.channel.readInbound();
		try {
			return passed.readableBytes();
		}
		finally {
			passed.release();
		}
	}

	private void advance(long millis) {
		this.channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
		this.channel.runScheduledPendingTasks();
	}

}
