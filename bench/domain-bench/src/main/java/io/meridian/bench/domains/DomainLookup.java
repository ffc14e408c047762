package io.meridian.bench.domains;

import java.util.Collection;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link DomainLookupBenchmark} and prints ns per lookup for each case and table size. JMH's
 * own options (-f, -wi, -i, -t, -p domains=...) pass through.
 */
public final class DomainLookup {

	private DomainLookup() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
			.include(DomainLookupBenchmark.class.getSimpleName())
			.build();
		Collection<RunResult> results = new Runner(options).run();
		System.out.println();
		System.out.println("lookup                  domains      ns/op    ± error");
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			System.out.println(String.format(Locale.ROOT, "%-22s %8s %10.2f %10.2f", name.substring(name.lastIndexOf('.') + 1),
					result.getParams().getParam("domains"), result.getPrimaryResult().getScore(),
					result.getPrimaryResult().getScoreError()));
		}
	}

}
