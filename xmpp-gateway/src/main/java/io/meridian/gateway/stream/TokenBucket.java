package io.meridian.gateway.stream;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code rate} tokens a second, at most {@code burst} saved up. Data that has
 * arrived already is taken in full even when the bucket runs dry; the debt says how long to
 * wait. Not thread-safe: one per connection, used on its event loop.
 */
public final class TokenBucket {

	private static final double NANOS_PER_SECOND = 1_000_000_000d;

	private final double perNano;

	private final long burst;

	private final LongSupplier nanoTime;

	private double tokens;

	private long last;

	/**
	 * @param rate tokens added a second
	 * @param burst the most tokens saved up; the bucket starts full
	 * @param nanoTime a monotonic clock in nanoseconds
	 */
	public TokenBucket(long rate, long burst, LongSupplier nanoTime) {
		if (rate <= 0 || burst <= 0) {
			throw new IllegalArgumentException("a token bucket needs a positive rate and burst, was " + rate + " and " + burst);
		}
		this.perNano = rate / NANOS_PER_SECOND;
		this.burst = burst;
		this.nanoTime = nanoTime;
		this.tokens = burst;
		this.last = nanoTime.getAsLong();
	}

	/**
	 * Takes {@code n} tokens, into debt if need be.
	 * @return nanoseconds until the debt is paid, 0 when there is none
	 */
	public long take(long n) {
		refill();
		this.tokens -= n;
		return (this.tokens >= 0) ? 0 : (long) Math.ceil(-this.tokens / this.perNano);
	}

	/** Takes {@code n} tokens only if there are that many. */
	public boolean tryTake(long n) {
		refill();
		if (this.tokens < n) {
			return false;
		}
		this.tokens -= n;
		return true;
	}

	private void refill() {
		long now = this.nanoTime.getAsLong();
		this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.perNano);
		this.last = now;
	}

}
