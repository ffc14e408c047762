package io.meridian.domains.api;

import io.grpc.Status;

/**
 * Why domain-service refused a call: the {@code reason} of the {@code google.rpc.ErrorInfo} in
 * the status details, each with its own status code (listed in {@code domains.proto}).
 */
public enum DomainError {

	/** The domain name breaks the RFC 7622 / IDNA rules; the message says which. */
	INVALID_DOMAIN_NAME(Status.Code.INVALID_ARGUMENT),

	/** Another field of the request is malformed. */
	INVALID_REQUEST(Status.Code.INVALID_ARGUMENT),

	/** The host type is not one the deployment allows for dynamic domains. */
	UNKNOWN_HOST_TYPE(Status.Code.PERMISSION_DENIED),

	/** The domain exists, bound to another host type. */
	HOST_TYPE_CONFLICT(Status.Code.ALREADY_EXISTS),

	/** The domain is static: configured on the nodes, locked against every change. */
	STATIC_DOMAIN(Status.Code.FAILED_PRECONDITION),

	/** No such dynamic domain. */
	DOMAIN_NOT_FOUND(Status.Code.NOT_FOUND);

	/** The {@code ErrorInfo.domain} of every refusal. */
	public static final String ERROR_DOMAIN = "domains.meridian.io";

	private final Status.Code code;

	DomainError(Status.Code code) {
		this.code = code;
	}

	public Status.Code code() {
		return this.code;
	}

}
