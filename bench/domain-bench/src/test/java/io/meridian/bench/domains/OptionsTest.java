package io.meridian.bench.domains;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

	@Test
	void defaultsMeasureAThousandChangesWithTheProductionPollInterval() {
		Options options = Options.parse();
		assertThat(options.changes()).isEqualTo(1000);
		assertThat(options.pollInterval()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.runs("nudged")).isTrue();
		assertThat(options.runs("polled")).isTrue();
	}

	@Test
	void optionsOverrideTheDefaults() {
		Options options = Options.parse("--scenario", "polled", "--poll-interval", "500ms", "--rate", "2.5", "--changes", "10");
		assertThat(options.runs("nudged")).isFalse();
		assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(500));
		assertThat(options.rate()).isEqualTo(2.5);
		assertThat(options.changes()).isEqualTo(10);
	}

	@Test
	void unknownOrIncompleteOptionsAreRefusedWithTheUsage() {
		assertThatThrownBy(() -> Options.parse("--changez", "3")).hasMessageContaining("changez").hasMessageContaining("usage:");
		assertThatThrownBy(() -> Options.parse("--changes")).hasMessageContaining("usage:");
		assertThatThrownBy(() -> Options.parse("--scenario", "fast")).hasMessageContaining("all, nudged or polled");
		assertThatThrownBy(() -> Options.parse("--enable-every", "1")).hasMessageContaining("--enable-every at least 2");
	}

}
