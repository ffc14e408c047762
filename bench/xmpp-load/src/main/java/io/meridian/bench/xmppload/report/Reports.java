package io.meridian.bench.xmppload.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Results as Markdown and CSV, and the side-by-side table of several servers with the ratio of
 * one (the baseline) to each of the others. The CSV is long (one metric a row), so runs of
 * different scenarios and servers append to one file.
 */
public final class Reports {

	public static final String CSV_HEADER = "server,scenario,metric,value,unit,better";

	private Reports() {
	}

	/** One run as a Markdown table. */
	public static String markdown(Result result) {
		StringBuilder sb = new StringBuilder();
		sb.append("| ").append(result.scenario()).append(" on ").append(result.server()).append(" | value | unit |\n");
		sb.append("|---|---:|---|\n");
		for (Metric m : result.metrics()) {
			sb.append("| ").append(m.name()).append(" | ").append(Numbers.human(m.value())).append(" | ").append(m.unit()).append(" |\n");
		}
		if (result.error() != null) {
			sb.append("| error | ").append(result.error().replace("|", "\\|")).append(" | |\n");
		}
		return sb.toString();
	}

	public static List<String> csvRows(Result result) {
		List<String> rows = new ArrayList<>();
		for (Metric m : result.metrics()) {
			rows.add(String.join(",", csv(result.server()), csv(result.scenario()), csv(m.name()), m.formatted(), csv(m.unit()),
					m.better().name().toLowerCase(java.util.Locale.ROOT)));
		}
		return rows;
	}

	/** Appends the rows, writing the header first when the file is new. */
	public static void appendCsv(Path file, Result result) throws IOException {
		List<String> lines = new ArrayList<>();
		if (!Files.exists(file) || Files.size(file) == 0) {
			lines.add(CSV_HEADER);
		}
		lines.addAll(csvRows(result));
		Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	/** One row of the long CSV. */
	public record Row(String server, String scenario, String metric, double value, String unit, Metric.Better better) {
	}

	public static List<Row> readCsv(Path file) throws IOException {
		List<Row> rows = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.equals(CSV_HEADER)) {
				continue;
			}
			List<String> f = splitCsv(line);
			rows.add(new Row(f.get(0), f.get(1), f.get(2), f.get(3).equals("NaN") ? Double.NaN : Double.parseDouble(f.get(3)), f.get(4),
					Metric.Better.valueOf(f.get(5).toUpperCase(java.util.Locale.ROOT))));
		}
		return rows;
	}

	/**
	 * The comparison: one row per (scenario, metric) that has a direction, one column per server
	 * in the order they first appear, then "baseline ÷ server" for every other server. Several
	 * runs of the same figure give their median.
	 */
	public static String comparison(List<Row> rows, String baseline, Set<String> metricsShown) {
		Set<String> servers = new LinkedHashSet<>();
		Map<String, Map<String, List<Double>>> byMetric = new LinkedHashMap<>();
		Map<String, Row> sample = new LinkedHashMap<>();
		for (Row row : rows) {
			if (metricsShown != null && !metricsShown.contains(row.scenario() + "." + row.metric())) {
				continue;
			}
			if (metricsShown == null && row.better() == Metric.Better.NONE) {
				continue;
			}
			servers.add(row.server());
			String key = row.scenario() + "." + row.metric();
			byMetric.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(row.server(), s -> new ArrayList<>()).add(row.value());
			sample.putIfAbsent(key, row);
		}
		List<String> others = servers.stream().filter(s -> !s.equals(baseline)).toList();
		StringBuilder sb = new StringBuilder("| scenario | metric | unit |");
		servers.forEach(s -> sb.append(' ').append(s).append(" |"));
		if (servers.contains(baseline)) {
			others.forEach(o -> sb.append(' ').append(baseline).append(" ÷ ").append(o).append(" |"));
		}
		sb.append("\n|---|---|---|");
		servers.forEach(s -> sb.append("---:|"));
		if (servers.contains(baseline)) {
			others.forEach(o -> sb.append("---:|"));
		}
		sb.append('\n');
		for (Map.Entry<String, Map<String, List<Double>>> entry : byMetric.entrySet()) {
			Row row = sample.get(entry.getKey());
			String arrow = switch (row.better()) {
				case HIGHER -> " (higher is better)";
				case LOWER -> " (lower is better)";
				case NONE -> "";
			};
			sb.append("| ").append(row.scenario()).append(" | ").append(row.metric()).append(" | ").append(row.unit()).append(arrow).append(" |");
			for (String server : servers) {
				sb.append(' ').append(Numbers.human(median(entry.getValue().get(server)))).append(" |");
			}
			if (servers.contains(baseline)) {
				double base = median(entry.getValue().get(baseline));
				for (String other : others) {
					sb.append(' ').append(Numbers.ratio(base, median(entry.getValue().get(other)))).append(" |");
				}
			}
			sb.append('\n');
		}
		return sb.toString();
	}

	static double median(List<Double> values) {
		if (values == null) {
			return Double.NaN;
		}
		List<Double> sorted = values.stream().filter(v -> !Double.isNaN(v)).sorted().toList();
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int mid = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
	}

	private static String csv(String field) {
		if (field.contains(",") || field.contains("\"")) {
			return "\"" + field.replace("\"", "\"\"") + "\"";
		}
		return field;
	}

	static List<String> splitCsv(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					current.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					current.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		fields.add(current.toString());
		return fields;
	}

}
