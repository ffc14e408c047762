package io.meridian.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PoolOverheadBenchmark} and prints, per client, the median time of a call on the
 * bare client and through the pool, and the pool's overhead at the median. JMH's own options
 * (-f, -wi, -i, -t, ...) pass through.
 */
public final class PoolOverhead {

	private PoolOverhead() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
			.include(PoolOverheadBenchmark.class.getSimpleName())
			.build();
		Collection<RunResult> results = new Runner(options).run();
		Map<String, Double> medians = new TreeMap<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			medians.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getStatistics().getPercentile(50));
		}
		System.out.println();
		System.out.println("client   bare p50 (us)   pool p50 (us)   overhead at p50");
		for (String client : new String[] { "rdbms", "redis" }) {
			Double bare = medians.get(client + "Bare");
			Double pool = medians.get(client + "Pool");
			if (bare != null && pool != null) {
				System.out.println(String.format(Locale.ROOT, "%-8s %13.2f %15.2f %16.1f %%", client, bare, pool, (pool - bare) / bare * 100));
			}
		}
	}

}
