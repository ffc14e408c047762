package io.meridian.bench.xmppload.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One element of an XMPP stream as the framer built it: immutable, namespaces resolved, text
 * concatenated. Small on purpose: the tool reads a handful of attributes and the body.
 *
 * @param name local name
 * @param namespace namespace URI ("" for none)
 * @param attributes attributes by qualified name ({@code xml:lang} keeps its prefix)
 * @param text the element's own character data
 * @param children child elements in document order
 */
public record XmlElement(String name, String namespace, Map<String, String> attributes, String text, List<XmlElement> children) {

	public XmlElement {
		attributes = Map.copyOf(attributes);
		children = List.copyOf(children);
	}

	public String attribute(String qualifiedName) {
		return this.attributes.get(qualifiedName);
	}

	public boolean is(String name, String namespace) {
		return this.name.equals(name) && this.namespace.equals(namespace);
	}

	/** The first child with this name and namespace, or null. */
	public XmlElement child(String name, String namespace) {
		for (XmlElement child : this.children) {
			if (child.is(name, namespace)) {
				return child;
			}
		}
		return null;
	}

	/** The first child with this name in any namespace, or null. */
	public XmlElement child(String name) {
		for (XmlElement child : this.children) {
			if (child.name.equals(name)) {
				return child;
			}
		}
		return null;
	}

	/** Text of the named child, or null when absent. */
	public String childText(String name) {
		XmlElement child = child(name);
		return (child != null) ? child.text : null;
	}

	/** Serializes the element, declaring its namespace only where it differs from the parent's. */
	public String toXml(String parentNamespace) {
		StringBuilder sb = new StringBuilder(128);
		write(sb, parentNamespace);
		return sb.toString();
	}

	private void write(StringBuilder sb, String parentNamespace) {
		sb.append('<').append(this.name);
		if (!this.namespace.equals(parentNamespace)) {
			sb.append(" xmlns='");
			Xml.escape(this.namespace, sb);
			sb.append('\'');
		}
		this.attributes.forEach((k, v) -> {
			sb.append(' ').append(k).append("='");
			Xml.escape(v, sb);
			sb.append('\'');
		});
		if (this.text.isEmpty() && this.children.isEmpty()) {
			sb.append("/>");
			return;
		}
		sb.append('>');
		Xml.escape(this.text, sb);
		for (XmlElement child : this.children) {
			child.write(sb, this.namespace);
		}
		sb.append("</").append(this.name).append('>');
	}

	/** Collects the pieces of one element while the framer reads it. */
	static final class Builder {

		final String name;

		final String namespace;

		final Map<String, String> attributes;

		private StringBuilder text;

		private String firstText = "";

		private List<XmlElement> children;

		Builder(String name, String namespace, Map<String, String> attributes) {
			this.name = name;
			this.namespace = namespace;
			this.attributes = attributes;
		}

		void text(String more) {
			if (this.text != null) {
				this.text.append(more);
			}
			else if (this.firstText.isEmpty()) {
				this.firstText = more;
			}
			else {
				this.text = new StringBuilder(this.firstText).append(more);
			}
		}

		void child(XmlElement child) {
			if (this.children == null) {
				this.children = new ArrayList<>(2);
			}
			this.children.add(child);
		}

		XmlElement build() {
			return new XmlElement(this.name, this.namespace, this.attributes, (this.text != null) ? this.text.toString() : this.firstText,
					(this.children != null) ? this.children : List.of());
		}

	}

}
