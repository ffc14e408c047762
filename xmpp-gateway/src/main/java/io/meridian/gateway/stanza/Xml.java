package io.meridian.gateway.stanza;

/** XML escaping for attribute values (single-quoted) and text. */
public final class Xml {

	private Xml() {
	}

	public static void escape(String value, StringBuilder sb) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> sb.append("&amp;");
				case '<' -> sb.append("&lt;");
				case '>' -> sb.append("&gt;");
				case '\'' -> sb.append("&apos;");
				case '"' -> sb.append("&quot;");
				default -> sb.append(c);
			}
		}
	}

	public static String escape(String value) {
		StringBuilder sb = new StringBuilder(value.length() + 8);
		escape(value, sb);
		return sb.toString();
	}

}
