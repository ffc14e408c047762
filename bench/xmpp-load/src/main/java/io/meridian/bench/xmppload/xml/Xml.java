package io.meridian.bench.xmppload.xml;

/** XML escaping for attribute values and text, the five predefined entities. */
public final class Xml {

	private Xml() {
	}

	public static String escape(String text) {
		StringBuilder sb = new StringBuilder(text.length() + 8);
		escape(text, sb);
		return sb.toString();
	}

	public static void escape(String text, StringBuilder sb) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> sb.append("&lt;");
				case '>' -> sb.append("&gt;");
				case '&' -> sb.append("&amp;");
				case '\'' -> sb.append("&apos;");
				case '"' -> sb.append("&quot;");
				default -> sb.append(c);
			}
		}
	}

}
