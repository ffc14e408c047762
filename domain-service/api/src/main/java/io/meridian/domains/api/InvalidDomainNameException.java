package io.meridian.domains.api;

/** A domain name that breaks the rules of {@link DomainNames}, with the rule it breaks. */
public class InvalidDomainNameException extends IllegalArgumentException {

	private final String name;

	private final String reason;

	public InvalidDomainNameException(String name, String reason) {
		super("'" + name + "' is not a valid domain: " + reason);
		this.name = name;
		this.reason = reason;
	}

	/** The name as given. */
	public String name() {
		return this.name;
	}

	/** Which rule it breaks, for a message to the user. */
	public String reason() {
		return this.reason;
	}

}
