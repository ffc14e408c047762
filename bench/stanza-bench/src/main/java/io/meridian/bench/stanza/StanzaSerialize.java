package io.meridian.bench.stanza;

import java.util.Collection;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs {@link StanzaSerializeBenchmark} and prints ns per message; JMH's own options pass through. */
public final class StanzaSerialize {

	private StanzaSerialize() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
			.include(StanzaSerializeBenchmark.class.getSimpleName())
			.build();
		Collection<RunResult> results = new Runner(options).run();
		System.out.println();
		System.out.println("body       chars      ns/op    ± error");
		for (RunResult result : results) {
			System.out.println(String.format(Locale.ROOT, "%-8s %7s %10.1f %10.1f", result.getParams().getParam("body"),
					result.getParams().getParam("bodySize"), result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()));
		}
	}

}
