package io.meridian.gateway.domain;

/** A change the domain table refuses, with the reason a caller can map to its own error. */
public class DomainTableException extends IllegalArgumentException {

	private final Reason reason;

	public DomainTableException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	public enum Reason {

		/** Not a valid domain name. */
		INVALID_NAME,
		/** The host type does not allow dynamic domains. */
		UNKNOWN_HOST_TYPE,
		/** The domain is static: it cannot be changed or removed at run time. */
		LOCKED,
		/** The domain is already served with another host type. */
		OTHER_HOST_TYPE

	}

}
