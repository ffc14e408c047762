package io.meridian.bench.xmppload.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formats of the reports: machine-readable in CSV and result lines, grouped in Markdown. */
final class Numbers {

	private Numbers() {
	}

	/** 1234, 0.415, NaN: no grouping, at most three decimals, no exponent. */
	static String plain(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "NaN";
		}
		return new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString().replaceAll("^-0$", "0");
	}

	/** 12,345 for big figures, 0.41 / 3.5 / 12.3 for small ones, "n/a" when not measured. */
	static String human(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "n/a";
		}
		double abs = Math.abs(value);
		String pattern = (abs >= 100 || value == Math.rint(value)) ? "#,##0" : (abs >= 10) ? "0.0" : (abs >= 1) ? "0.00" : "0.000";
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
	}

	/** A ratio as "5.2×" ("n/a" without both sides). */
	static String ratio(double baseline, double other) {
		if (Double.isNaN(baseline) || Double.isNaN(other) || other == 0) {
			return "n/a";
		}
		double r = baseline / other;
		String pattern = (r >= 10) ? "0" : (r >= 0.1) ? "0.00" : "0.0###";
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(r) + "×";
	}

}
