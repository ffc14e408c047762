package io.meridian.bench.xmppload.report;

/**
 * One measured figure.
 *
 * @param name snake_case name, e.g. {@code delivered_msg_per_s}
 * @param value the figure (NaN when not measured)
 * @param unit unit as shown in tables
 * @param better which way is better: higher, lower, or none for context figures
 */
public record Metric(String name, double value, String unit, Better better) {

	public enum Better {
		HIGHER, LOWER, NONE
	}

	public static Metric higher(String name, double value, String unit) {
		return new Metric(name, value, unit, Better.HIGHER);
	}

	public static Metric lower(String name, double value, String unit) {
		return new Metric(name, value, unit, Better.LOWER);
	}

	public static Metric info(String name, double value, String unit) {
		return new Metric(name, value, unit, Better.NONE);
	}

	/** The value as the result line and the CSV print it: integers without decimals, others with up to three. */
	public String formatted() {
		return Numbers.plain(this.value);
	}

}
