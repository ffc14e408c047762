package io.meridian.bench.xmppload.report;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyTest {

	@Test
	void percentilesInMillisecondsFromNanoseconds() {
		Latency latency = new Latency();
		for (int i = 1; i <= 1000; i++) {
			latency.record(i * 1000L); // 1 µs .. 1 ms
		}
		Histogram h = latency.snapshot();
		assertThat(h.getTotalCount()).isEqualTo(1000);
		assertThat(Latency.percentileMillis(h, 50)).isCloseTo(0.5, within(0.001));
		assertThat(Latency.percentileMillis(h, 99)).isCloseTo(0.99, within(0.001));
		assertThat(Latency.maxMillis(h)).isCloseTo(1.0, within(0.001));
		latency.record(2_000_000);
		assertThat(latency.snapshot().getTotalCount()).as("snapshots accumulate").isEqualTo(1001);
	}

	@Test
	void nothingRecordedIsNotAvailableRatherThanZero() {
		Histogram empty = new Latency().snapshot();
		assertThat(Latency.percentileMillis(empty, 99)).isNaN();
	}

}
