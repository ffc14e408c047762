package io.meridian.bench.xmppload.report;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies in nanoseconds, recorded from any thread (HdrHistogram's {@link Recorder}, one
 * writer-reader phaser, no lock on the recording path), summarized in milliseconds.
 */
public final class Latency {

	private final Recorder recorder = new Recorder(3);

	private final Histogram total = new Histogram(3);

	public void record(long nanos) {
		this.recorder.recordValue(Math.max(0, nanos));
	}

	/** Everything recorded so far, in one histogram. */
	public synchronized Histogram snapshot() {
		this.total.add(this.recorder.getIntervalHistogram());
		return this.total.copy();
	}

	/** Percentile in milliseconds, NaN when nothing was recorded. */
	public static double percentileMillis(Histogram histogram, double percentile) {
		if (histogram.getTotalCount() == 0) {
			return Double.NaN;
		}
		return histogram.getValueAtPercentile(percentile) / 1_000_000.0;
	}

	public static double maxMillis(Histogram histogram) {
		return (histogram.getTotalCount() == 0) ? Double.NaN : histogram.getMaxValue() / 1_000_000.0;
	}

}
