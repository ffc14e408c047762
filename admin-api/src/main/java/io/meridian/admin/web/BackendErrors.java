package io.meridian.admin.web;

import java.time.Duration;
import java.util.Map;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.springframework.http.HttpStatus;

import io.meridian.domains.api.DomainRefusedException;
import io.meridian.gateway.api.AdminRefusedException;

/**
 * How the services' answers become HTTP: each documented refusal reason to its status (the
 * reason itself becomes the {@code error} code), the proto field names to the REST ones, and a
 * service that cannot be reached to 503 (504 when it did not answer in time).
 */
public final class BackendErrors {

	/** The gateway's proto field names that the REST API spells differently. */
	private static final Map<String, String> GATEWAY_FIELDS = Map.of("new_password", "password", "page_size", "limit", "from",
			"caller");

	private BackendErrors() {
	}

	public static ApiException gateway(AdminRefusedException ex) {
		String reason = ex.error().name();
		return switch (ex.error()) {
			case INVALID_ARGUMENT -> new ApiException(HttpStatus.BAD_REQUEST, reason, ex.getMessage(), gatewayField(ex.metadata().get(AdminRefusedException.FIELD)));
			case UNKNOWN_DOMAIN, UNKNOWN_ACCOUNT, NO_SESSION, UNKNOWN_CONTACT -> new ApiException(HttpStatus.NOT_FOUND, reason, ex.getMessage(), null);
			case ACCOUNT_EXISTS -> new ApiException(HttpStatus.CONFLICT, reason, ex.getMessage(), null);
		};
	}

	public static ApiException domains(DomainRefusedException ex) {
		String reason = ex.error().name();
		return switch (ex.error()) {
			case INVALID_DOMAIN_NAME -> new ApiException(HttpStatus.BAD_REQUEST, reason, ex.getMessage(), "domain");
			case INVALID_REQUEST -> new ApiException(HttpStatus.BAD_REQUEST, reason, ex.getMessage(), null);
			case UNKNOWN_HOST_TYPE -> new ApiException(HttpStatus.FORBIDDEN, reason, ex.getMessage(), "hostType");
			case STATIC_DOMAIN -> new ApiException(HttpStatus.FORBIDDEN, reason, ex.getMessage(), null);
			case HOST_TYPE_CONFLICT -> new ApiException(HttpStatus.CONFLICT, reason, ex.getMessage(), "hostType");
			case DOMAIN_NOT_FOUND -> new ApiException(HttpStatus.NOT_FOUND, reason, ex.getMessage(), null);
		};
	}

	/**
	 * A failure with no refusal reason: the service is down, slow, or broken.
	 * @param service the service's name in the message
	 * @param address where it was called
	 * @param deadline how long the call could take
	 */
	public static ApiException status(StatusRuntimeException ex, String service, String address, Duration deadline) {
		Status status = ex.getStatus();
		String description = (status.getDescription() != null) ? status.getDescription() : status.getCode().name();
		if (status.getCause() != null && status.getCause().getMessage() != null) {
			description += " (" + status.getCause().getMessage() + ")";
		}
		return switch (status.getCode()) {
			case UNAVAILABLE -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
					service + " at " + address + " is unavailable: " + description, null);
			case DEADLINE_EXCEEDED -> new ApiException(HttpStatus.GATEWAY_TIMEOUT, "TIMEOUT",
					service + " at " + address + " did not answer within " + deadline.toMillis() + " ms", null);
			case INVALID_ARGUMENT, OUT_OF_RANGE -> new ApiException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", service + ": " + description, null);
			case NOT_FOUND -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", service + ": " + description, null);
			case ALREADY_EXISTS -> new ApiException(HttpStatus.CONFLICT, "CONFLICT", service + ": " + description, null);
			case PERMISSION_DENIED, FAILED_PRECONDITION -> new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", service + ": " + description, null);
			default -> new ApiException(HttpStatus.BAD_GATEWAY, "BACKEND_ERROR", service + " failed: " + status.getCode() + ": " + description, null);
		};
	}

	/** The REST name of a field the gateway named in its proto spelling. */
	static String gatewayField(String field) {
		if (field == null || field.isEmpty()) {
			return null;
		}
		return GATEWAY_FIELDS.getOrDefault(field, field);
	}

}
