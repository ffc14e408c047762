package io.meridian.admin.web;

import org.springframework.http.HttpStatus;

/**
 * A request admin-api answers with an error: the HTTP status, a stable error code a script can
 * test, a message for a person, and the request field that is wrong when one is.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String error;

	private final String field;

	public ApiException(HttpStatus status, String error, String message, String field) {
		super(message);
		this.status = status;
		this.error = error;
		this.field = field;
	}

	/** 400 about one field of the request. */
	public static ApiException invalid(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", message, field);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String error() {
		return this.error;
	}

	/** The wrong field, named as in the request (JSON property, path variable or query parameter); null when none is. */
	public String field() {
		return this.field;
	}

}
