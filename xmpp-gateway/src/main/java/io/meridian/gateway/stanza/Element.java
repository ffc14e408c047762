package io.meridian.gateway.stanza;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable XML element as parsed from a stream: a qualified name, its attributes and its
 * children (elements and text) in document order.
 *
 * @param name local name
 * @param namespace namespace URI, never null ({@code ""} for none)
 * @param attributes attributes by qualified name ({@code xml:lang} keeps its prefix), in document order
 * @param children child elements and text nodes
 */
public record Element(String name, String namespace, Map<String, String> attributes, List<Node> children) implements Node {

	public Element {
		Objects.requireNonNull(name, "name");
		namespace = (namespace != null) ? namespace : "";
		attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
		children = List.copyOf(children);
	}

	public static Builder builder(String name, String namespace) {
		return new Builder(name, namespace);
	}

	public String attribute(String qualifiedName) {
		return this.attributes.get(qualifiedName);
	}

	/** A copy with one attribute set (or removed when {@code value} is null). */
	public Element withAttribute(String qualifiedName, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.attributes);
		if (value == null) {
			copy.remove(qualifiedName);
		}
		else {
			copy.put(qualifiedName, value);
		}
		return new Element(this.name, this.namespace, copy, this.children);
	}

	/** A copy with one more child at the end. */
	public Element withChild(Node child) {
		List<Node> copy = new ArrayList<>(this.children);
		copy.add(child);
		return new Element(this.name, this.namespace, this.attributes, copy);
	}

	/** The child elements, in order. */
	public List<Element> elements() {
		return this.children.stream().filter(Element.class::isInstance).map(Element.class::cast).toList();
	}

	/** The first child element with this name and namespace, or null. */
	public Element child(String name, String namespace) {
		for (Node node : this.children) {
			if (node instanceof Element e && e.name.equals(name) && e.namespace.equals(namespace)) {
				return e;
			}
		}
		return null;
	}

	/** The concatenated text directly inside this element. */
	public String text() {
		StringBuilder sb = new StringBuilder();
		for (Node node : this.children) {
			if (node instanceof Text t) {
				sb.append(t.value());
			}
		}
		return sb.toString();
	}

	/** Serializes this element; {@code xmlns} is written where the namespace differs from the parent's. */
	public String toXml() {
		return toXml(null);
	}

	/** Serializes this element inside a parent (a stream) whose default namespace is {@code parentNamespace}. */
	public String toXml(String parentNamespace) {
		StringBuilder sb = new StringBuilder(128);
		write(sb, parentNamespace);
		return sb.toString();
	}

	@Override
	public void write(StringBuilder sb, String parentNamespace) {
		sb.append('<').append(this.name);
		if (!this.namespace.equals(parentNamespace)) {
			sb.append(" xmlns='");
			Xml.escape(this.namespace, sb);
			sb.append('\'');
		}
		this.attributes.forEach((key, value) -> {
			sb.append(' ').append(key).append("='");
			Xml.escape(value, sb);
			sb.append('\'');
		});
		if (this.children.isEmpty()) {
			sb.append("/>");
			return;
		}
		sb.append('>');
		for (Node child : this.children) {
			child.write(sb, this.namespace);
		}
		sb.append("</").append(this.name).append('>');
	}

	/** Collects an element while it is parsed. */
	public static final class Builder {

		private final String name;

		private final String namespace;

		private final Map<String, String> attributes = new LinkedHashMap<>();

		private final List<Node> children = new ArrayList<>();

		private Builder(String name, String namespace) {
			this.name = name;
			this.namespace = namespace;
		}

		/** Sets an attribute; a null value leaves it out. */
		public Builder attribute(String qualifiedName, String value) {
			if (value != null) {
				this.attributes.put(qualifiedName, value);
			}
			return this;
		}

		public Builder child(Node node) {
			this.children.add(node);
			return this;
		}

		public Builder text(String text) {
			if (!this.children.isEmpty() && this.children.getLast() instanceof Text previous) {
				this.children.set(this.children.size() - 1, new Text(previous.value() + text));
			}
			else {
				this.children.add(new Text(text));
			}
			return this;
		}

		public Element build() {
			return new Element(this.name, this.namespace, this.attributes, this.children);
		}

	}

}
