package io.meridian.gateway.stanza;

import java.util.Objects;

/**
 * Character data inside an element, unescaped.
 *
 * @param value the text as the sender meant it
 */
public record Text(String value) implements Node {

	public Text {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public void write(StringBuilder sb, String parentNamespace) {
		Xml.escape(this.value, sb);
	}

}
