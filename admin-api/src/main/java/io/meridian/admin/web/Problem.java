package io.meridian.admin.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every error admin-api answers, as {@code application/problem+json} (RFC 9457) with three
 * members of its own: {@code error}, {@code message} and {@code field}.
 *
 * @param title the status's reason phrase
 * @param status the HTTP status
 * @param detail what went wrong, for a person
 * @param instance the request path
 * @param error a stable code a script can test: the service's reason (UNKNOWN_ACCOUNT,
 *              HOST_TYPE_CONFLICT...) or admin-api's own (INVALID_REQUEST, UNAUTHORIZED...)
 * @param message the same as {@code detail}
 * @param field the request field that is wrong, when one is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error (RFC 9457 problem details)")
public record Problem(String title, int status, String detail, String instance, String error, String message, String field) {

	static Problem of(int status, String title, String error, String message, String field, String instance) {
		return new Problem(title, status, message, instance, error, message, field);
	}

}
