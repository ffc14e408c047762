package io.meridian.gateway.stanza;

/** A node inside an element: another element or text. */
public sealed interface Node permits Element, Text {

	/** Appends the XML form, declaring a namespace only where it differs from the parent's. */
	void write(StringBuilder sb, String parentNamespace);

}
