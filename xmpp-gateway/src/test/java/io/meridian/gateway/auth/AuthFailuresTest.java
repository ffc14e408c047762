package io.meridian.gateway.auth;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthFailuresTest {

	/** A clock the test moves. */
	private static final class TestClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

	}

	private final TestClock clock = new TestClock();

	private final AuthFailures failures = new AuthFailures(3, Duration.ofSeconds(60), this.clock);

	private final InetAddress attacker = address("192.0.2.1");

	private final InetAddress neighbour = address("192.0.2.2");

	@Test
	void anAddressIsRefusedOnceItReachesTheLimit() {
		this.failures.failed(this.attacker);
		this.failures.failed(this.attacker);
		assertThat(this.failures.blocked(this.attacker)).isFalse();
		this.failures.failed(this.attacker);
		assertThat(this.failures.blocked(this.attacker)).isTrue();
		assertThat(this.failures.blocked(this.neighbour)).as("another address is not affected").isFalse();
	}

	@Test
	void theBlockEndsAWindowAfterTheLastFailure() {
		for (int i = 0; i < 3; i++) {
			this.failures.failed(this.attacker);
			this.clock.advance(Duration.ofSeconds(30));
		}
		// The last failure was 30 s ago.
		assertThat(this.failures.blocked(this.attacker)).isTrue();
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.failures.blocked(this.attacker)).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.failures.blocked(this.attacker)).isFalse();
	}

	@Test
	void failuresFurtherApartThanTheWindowDoNotAddUp() {
		for (int i = 0; i < 5; i++) {
			this.failures.failed(this.attacker);
			this.clock.advance(Duration.ofSeconds(61));
		}
		assertThat(this.failures.blocked(this.attacker)).isFalse();
	}

	@Test
	void expiredRecordsAreDropped() {
		for (int i = 0; i < 100; i++) {
			this.failures.failed(address("198.51.100." + i));
		}
		assertThat(this.failures.tracked()).isEqualTo(100);
		this.clock.advance(Duration.ofSeconds(61));
		this.failures.failed(this.attacker);
		assertThat(this.failures.tracked()).isEqualTo(1);
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
