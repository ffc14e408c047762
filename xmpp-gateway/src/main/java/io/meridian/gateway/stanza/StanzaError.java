package io.meridian.gateway.stanza;

import java.util.Locale;

/** Stanza error conditions of RFC 6120 section 8.3.3, each with its usual error type. */
public enum StanzaError {

	BAD_REQUEST("modify"), CONFLICT("cancel"), FEATURE_NOT_IMPLEMENTED("cancel"), FORBIDDEN("auth"), GONE("cancel"),
	INTERNAL_SERVER_ERROR("cancel"), ITEM_NOT_FOUND("cancel"), JID_MALFORMED("modify"), NOT_ACCEPTABLE("modify"),
	NOT_ALLOWED("cancel"), NOT_AUTHORIZED("auth"), POLICY_VIOLATION("modify"), RECIPIENT_UNAVAILABLE("wait"),
	REDIRECT("modify"), REGISTRATION_REQUIRED("auth"), REMOTE_SERVER_NOT_FOUND("cancel"), REMOTE_SERVER_TIMEOUT("wait"),
	RESOURCE_CONSTRAINT("wait"), SERVICE_UNAVAILABLE("cancel"), SUBSCRIPTION_REQUIRED("auth"),
	UNDEFINED_CONDITION("cancel"), UNEXPECTED_REQUEST("wait");

	public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-stanzas";

	private final String type;

	StanzaError(String type) {
		this.type = type;
	}

	public String elementName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The error reply to a stanza: addresses swapped, type {@code error}, the original payload
	 * kept, and an {@code <error/>} with this condition and an optional text.
	 */
	public Element replyTo(Element stanza, String text) {
		Element.Builder error = Element.builder("error", stanza.namespace())
			.attribute("type", this.type)
			.child(Element.builder(elementName(), NAMESPACE).build());
		if (text != null) {
			error.child(Element.builder("text", NAMESPACE).attribute("xml:lang", "en").text(text).build());
		}
		return Stanzas.swapAddresses(stanza).withAttribute("type", "error").withChild(error.build());
	}

}
