package io.meridian.gateway.api;

import io.grpc.Status;

/**
 * Why a gateway refused an admin call: the {@code reason} of the {@code google.rpc.ErrorInfo}
 * in the status details, each with its own status code (listed in {@code admin.proto}).
 */
public enum AdminError {

	/** A field is malformed; metadata {@code field} names it. */
	INVALID_ARGUMENT(Status.Code.INVALID_ARGUMENT),

	/** The domain is not served by this gateway. */
	UNKNOWN_DOMAIN(Status.Code.NOT_FOUND),

	/** No such account. */
	UNKNOWN_ACCOUNT(Status.Code.NOT_FOUND),

	/** The account exists already. */
	ACCOUNT_EXISTS(Status.Code.ALREADY_EXISTS),

	/** The resource has no session. */
	NO_SESSION(Status.Code.NOT_FOUND),

	/** The contact is not on the user's roster. */
	UNKNOWN_CONTACT(Status.Code.NOT_FOUND);

	/** The {@code ErrorInfo.domain} of every refusal. */
	public static final String ERROR_DOMAIN = "gateway.meridian.io";

	private final Status.Code code;

	AdminError(Status.Code code) {
		this.code = code;
	}

	public Status.Code code() {
		return this.code;
	}

}
