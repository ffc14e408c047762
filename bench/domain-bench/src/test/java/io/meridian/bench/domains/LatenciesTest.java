package io.meridian.bench.domains;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatenciesTest {

	@Test
	void percentilesByNearestRank() {
		Latencies latencies = new Latencies();
		for (int i = 100; i >= 1; i--) {
			latencies.add(i * 1_000L);
		}
		assertThat(latencies.count()).isEqualTo(100);
		assertThat(latencies.percentile(50)).isEqualTo(50_000);
		assertThat(latencies.percentile(90)).isEqualTo(90_000);
		assertThat(latencies.percentile(99)).isEqualTo(99_000);
		assertThat(latencies.max()).isEqualTo(100_000);
		assertThat(latencies.row("add", "both")).contains("0.050").contains("0.099").contains("0.100");
	}

	@Test
	void aSingleSampleIsEveryPercentile() {
		Latencies latencies = new Latencies();
		latencies.add(7);
		assertThat(latencies.percentile(1)).isEqualTo(7);
		assertThat(latencies.percentile(99)).isEqualTo(7);
	}

	@Test
	void noSampleHasNoPercentile() {
		assertThatThrownBy(() -> new Latencies().percentile(50)).isInstanceOf(IllegalStateException.class);
		assertThat(new Latencies().row("add", "a")).contains(" 0");
	}

}
