package io.meridian.admin.web;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.meridian.admin.security.AdminUser;
import io.meridian.admin.security.AuditTrail;

/**
 * Every error as a {@link Problem}: the API's own refusals, the services' (already mapped by
 * {@link BackendErrors}), unreadable bodies with the field that broke them, and Spring
 * Security's 401 and 403, which come here through the security configuration.
 */
@RestControllerAdvice
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Problem> api(ApiException ex, HttpServletRequest request) {
		return problem(ex.status(), ex.error(), ex.getMessage(), ex.field(), request, null);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Problem> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof JacksonException json && !(cause instanceof StreamReadException) && !json.getPath().isEmpty()) {
			String field = json.getPath()
				.stream()
				.map(r -> (r.getPropertyName() != null) ? r.getPropertyName() : String.valueOf(r.getIndex()))
				.collect(Collectors.joining("."));
			return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", field + " has the wrong type or format: " + json.getOriginalMessage(),
					field, request, null);
		}
		String message;
		if (cause instanceof StreamReadException json) {
			message = "the body is not valid JSON: " + json.getOriginalMessage();
		}
		else if (cause instanceof JacksonException) {
			message = "the body must be a JSON object with the documented fields";
		}
		else {
			message = "a JSON body is required";
		}
		return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", message, "body", request, null);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Problem> mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", ex.getName() + " must be a "
				+ ((ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT) : "value")
				+ ", was '" + ex.getValue() + "'", ex.getName(), request, null);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", ex.getParameterName() + " is required", ex.getParameterName(), request,
				null);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Problem> unauthenticated(AuthenticationException ex, HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"meridian\"");
		String message = (ex instanceof InsufficientAuthenticationException) ? "credentials are required (HTTP Basic)"
				: "the user name or password is wrong";
		return problem(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", message, null, request, headers);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Problem> denied(AccessDeniedException ex, HttpServletRequest request) {
		Object principal = (SecurityContextHolder.getContext().getAuthentication() != null)
				? SecurityContextHolder.getContext().getAuthentication().getPrincipal() : null;
		String message = ex.getMessage();
		if (principal instanceof AdminUser user && user.role() == AdminUser.Role.READONLY) {
			message = user.getUsername() + " is read-only: only GET is allowed";
		}
		return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", message, null, request, null);
	}

	/** Spring MVC's own (unknown path 404, 405, 406, 415...) keep their status; anything else is a 500. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<Problem> other(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse error) {
			HttpStatusCode status = error.getStatusCode();
			String detail = (error.getBody().getDetail() != null) ? error.getBody().getDetail() : ex.getMessage();
			HttpStatus known = HttpStatus.resolve(status.value());
			return problem(status, (known != null) ? known.name() : "ERROR", detail, null, request, error.getHeaders());
		}
		log.error("{} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "admin-api failed: " + ex.getMessage(), null, request, null);
	}

	private static ResponseEntity<Problem> problem(HttpStatusCode status, String error, String message, String field,
			HttpServletRequest request, HttpHeaders headers) {
		AuditTrail.failure(error, message);
		HttpStatus known = HttpStatus.resolve(status.value());
		Problem body = Problem.of(status.value(), (known != null) ? known.getReasonPhrase() : null, error, message, field,
				request.getRequestURI());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (headers != null) {
			response.headers(headers);
		}
		return response.body(body);
	}

}
