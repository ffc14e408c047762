package io.meridian.bench.domains;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.convert.DurationStyle;

/**
 * What {@link DomainPropagation} runs, from {@code --name value} arguments.
 *
 * @param scenario {@code nudged}, {@code polled} or {@code all}
 * @param changes counted changes of the nudged scenario (adds and enables)
 * @param warmup changes made first and not counted
 * @param enableEvery every n-th change is an enable of a domain disabled just before
 * @param probeEvery every n-th change is followed by an add timed by TCP stream probes
 * @param pollInterval each node's {@code meridian.domain-service.poll-interval}
 * @param polledChanges counted adds of the polled scenario
 * @param polledWarmup adds of the polled scenario issued first and not counted
 * @param rate adds per second in the polled scenario
 * @param timeout how long one change may take to reach every node before the run fails
 */
record Options(String scenario, int changes, int warmup, int enableEvery, int probeEvery, Duration pollInterval, int polledChanges,
		int polledWarmup, double rate, Duration timeout) {

	static final String USAGE = """
			usage: bench/domain-propagation [--scenario all|nudged|polled] [--changes 1000] [--warmup 100] [--enable-every 5]
			                                [--probe-every 10] [--poll-interval 5s] [--polled-changes 1000] [--polled-warmup 20]
			                                [--rate 20] [--timeout 30s]""";

	Options {
		if (!scenario.equals("all") && !scenario.equals("nudged") && !scenario.equals("polled")) {
			throw new IllegalArgumentException("--scenario is all, nudged or polled, was " + scenario);
		}
		if (changes < 1 || warmup < 0 || enableEvery < 2 || probeEvery < 1 || polledChanges < 1 || polledWarmup < 0 || rate <= 0) {
			throw new IllegalArgumentException("--changes, --polled-changes, --probe-every and --rate must be positive, "
					+ "--warmup and --polled-warmup not negative, --enable-every at least 2");
		}
	}

	boolean runs(String name) {
		return this.scenario.equals("all") || this.scenario.equals(name);
	}

	static Options parse(String... args) {
		Map<String, String> given = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 == args.length) {
				throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'\n" + USAGE);
			}
			given.put(args[i].substring(2), args[i + 1]);
		}
		Options options = new Options(text(given, "scenario", "all"), integer(given, "changes", 1000),
				integer(given, "warmup", 100), integer(given, "enable-every", 5), integer(given, "probe-every", 10),
				duration(given, "poll-interval", "5s"), integer(given, "polled-changes", 1000), integer(given, "polled-warmup", 20),
				Double.parseDouble(text(given, "rate", "20")), duration(given, "timeout", "30s"));
		if (!given.isEmpty()) {
			throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "\n" + USAGE);
		}
		return options;
	}

	private static String text(Map<String, String> given, String name, String fallback) {
		String value = given.remove(name);
		return (value != null) ? value : fallback;
	}

	private static int integer(Map<String, String> given, String name, int fallback) {
		return Integer.parseInt(text(given, name, Integer.toString(fallback)));
	}

	private static Duration duration(Map<String, String> given, String name, String fallback) {
		return DurationStyle.detectAndParse(text(given, name, fallback));
	}

}
