package io.meridian.bench.xmppload;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArgsTest {

	@Test
	void valuesFlagsDurationsAndUnusedOptions() {
		Args args = new Args(new String[] { "chat", "--pairs", "100", "--rate=1000", "--gc", "--duration", "500ms", "--warmup", "2", "--typo", "x" });
		assertThat(args.positional()).containsExactly("chat");
		assertThat(args.integer("pairs", 0)).isEqualTo(100);
		assertThat(args.decimal("rate", 0)).isEqualTo(1000.0);
		assertThat(args.flag("gc")).isTrue();
		assertThat(args.duration("duration", null)).isEqualTo(Duration.ofMillis(500));
		assertThat(args.duration("warmup", null)).isEqualTo(Duration.ofSeconds(2));
		assertThat(args.duration("hold", Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(9));
		assertThat(args.unused()).containsExactly("typo");
	}

}
