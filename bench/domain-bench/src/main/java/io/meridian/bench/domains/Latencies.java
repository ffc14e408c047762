package io.meridian.bench.domains;

import java.util.Arrays;
import java.util.Locale;

/** Times of one kind of change on one node (or on all of them), in nanoseconds; percentiles by nearest rank. */
final class Latencies {

	private long[] nanos = new long[64];

	private int count;

	void add(long elapsedNanos) {
		if (this.count == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
		}
		this.nanos[this.count++] = elapsedNanos;
	}

	int count() {
		return this.count;
	}

	/** @param percentile in (0, 100] */
	long percentile(double percentile) {
		if (this.count == 0) {
			throw new IllegalStateException("no samples");
		}
		long[] sorted = Arrays.copyOf(this.nanos, this.count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100 * this.count);
		return sorted[Math.max(rank, 1) - 1];
	}

	long max() {
		return percentile(100);
	}

	/** One table row: count, p50, p90, p99, max in milliseconds with microseconds shown. */
	String row(String change, String node) {
		if (this.count == 0) {
			return String.format(Locale.ROOT, "%-22s %-5s %6d", change, node, 0);
		}
		return String.format(Locale.ROOT, "%-22s %-5s %6d %10.3f %10.3f %10.3f %10.3f", change, node, this.count, ms(percentile(50)),
				ms(percentile(90)), ms(percentile(99)), ms(max()));
	}

	static String header() {
		return String.format(Locale.ROOT, "%-22s %-5s %6s %10s %10s %10s %10s", "change", "node", "count", "p50 ms", "p90 ms", "p99 ms",
				"max ms");
	}

	static double ms(long nanos) {
		return nanos / 1e6;
	}

}
