package io.meridian.gateway.stream;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenBucketTest {

	private final AtomicLong now = new AtomicLong(1_000);

	private final TokenBucket bucket = new TokenBucket(100, 200, this.now::get);

	@Test
	void startsFullAndLetsTheBurstThrough() {
		assertThat(this.bucket.take(200)).isZero();
		assertThat(this.bucket.tryTake(1)).isFalse();
	}

	@Test
	void aDebtSaysHowLongToWait() {
		assertThat(this.bucket.take(250)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
		advance(400);
		assertThat(this.bucket.take(0)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
		advance(100);
		assertThat(this.bucket.take(0)).isZero();
	}

	@Test
	void refillsAtTheRateUpToTheBurst() {
		this.bucket.take(200);
		advance(100);
		assertThat(this.bucket.tryTake(10)).isTrue();
		assertThat(this.bucket.tryTake(1)).isFalse();
		advance(60_000);
		assertThat(this.bucket.tryTake(200)).isTrue();
		assertThat(this.bucket.tryTake(1)).as("no more than the burst is saved up").isFalse();
	}

	@Test
	void tryTakeLeavesTheBucketAloneWhenItRefuses() {
		this.bucket.take(150);
		assertThat(this.bucket.tryTake(60)).isFalse();
		assertThat(this.bucket.tryTake(50)).isTrue();
	}

	@Test
	void refusesANonPositiveRateOrBurst() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0, 10, this.now::get));
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(10, 0, this.now::get));
	}

	private void advance(long millis) {
		this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
	}

}
