package io.meridian.ctl;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/** What a command prints on stdout: JSON as admin-api answered it, or a table for people. */
public final class Output {

	/** The two formats of {@code --output}. */
	public enum Format {

		/** Aligned columns with a header line; key/value lines for one object. */
		table,

		/** admin-api's JSON, pretty-printed. */
		json

	}

	private Output() {
	}

	/** The field as text; empty when it is absent or null. */
	public static String text(JsonNode node, String field) {
		if (node == null || !node.isObject()) {
			return "";
		}
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isMissingNode()) {
			return "";
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	public static void json(PrintWriter out, JsonNode node) {
		out.println(AdminApi.json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
	}

	/**
	 * Rows under a header, each column as wide as its widest cell, two spaces apart.
	 * @param columns header and how to read each column from a row
	 */
	public static void table(PrintWriter out, Iterable<JsonNode> rows, List<Column> columns) {
		List<String[]> lines = new ArrayList<>();
		lines.add(columns.stream().map(Column::header).toArray(String[]::new));
		for (JsonNode row : rows) {
			lines.add(columns.stream().map(c -> c.value().apply(row)).toArray(String[]::new));
		}
		int[] widths = new int[columns.size()];
		for (String[] line : lines) {
			for (int i = 0; i < line.length; i++) {
				widths[i] = Math.max(widths[i], line[i].length());
			}
		}
		for (String[] line : lines) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < line.length; i++) {
				text.append(line[i]);
				if (i < line.length - 1) {
					text.append(" ".repeat(widths[i] - line[i].length() + 2));
				}
			}
			out.println(text.toString().stripTrailing());
		}
	}

	/** One object as aligned {@code key: value} lines, in the given order. */
	public static void keyValues(PrintWriter out, JsonNode node, List<Column> fields) {
		int width = fields.stream().mapToInt(f -> f.header().length()).max().orElse(0);
		for (Column field : fields) {
			out.println(field.header() + ":" + " ".repeat(width - field.header().length() + 1) + field.value().apply(node));
		}
	}

	/** A column of a field, under a header. */
	public static Column column(String header, String field) {
		return new Column(header, node -> text(node, field));
	}

	/**
	 * @param header the column's title
	 * @param value what a row shows in it
	 */
	public record Column(String header, Function<JsonNode, String> value) {
	}

}
