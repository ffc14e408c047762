package io.meridian.gateway.modules.privatedata;

import io.meridian.gateway.stanza.Element;

/**
 * What one piece of private XML is stored under: the namespace and name of its root element
 * (XEP-0049 2.3). A set replaces what was stored under the same key.
 *
 * @param namespace the root element's namespace
 * @param name the root element's local name
 */
public record PrivateKey(String namespace, String name) {

	/** Longest namespace and name kept (the key columns of {@code V6__private_storage.sql}). */
	static final int MAX_NAMESPACE = 1023, MAX_NAME = 255;

	/**
	 * The key of a child of {@code <query xmlns='jabber:iq:private'/>}.
	 * @throws IllegalArgumentException why the element cannot be stored: it has no namespace of
	 *         its own, or a reserved {@code jabber:} one (XEP-0049 2.3), or an oversized name
	 */
	static PrivateKey of(Element child) {
		String namespace = child.namespace();
		if (namespace.isEmpty() || namespace.equals(PrivateStorageHandler.NAMESPACE)) {
			throw new IllegalArgumentException("<" + child.name() + "/> needs a namespace of its own");
		}
		if (namespace.startsWith("jabber:")) {
			throw new IllegalArgumentException("the namespace " + namespace + " is reserved");
		}
		if (namespace.length() > MAX_NAMESPACE || child.name().length() > MAX_NAME) {
			throw new IllegalArgumentException("the namespace or element name is too long");
		}
		return new PrivateKey(namespace, child.name());
	}

}
