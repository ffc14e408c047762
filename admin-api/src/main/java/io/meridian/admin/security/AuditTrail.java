package io.meridian.admin.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a write carried that its path does not say (the new account's name, the host type), and
 * why it was refused: noted on the request while it is handled, logged by {@link AuditFilter}
 * once it is answered. Secrets are never noted.
 */
public final class AuditTrail {

	static final String DETAILS = AuditTrail.class.getName() + ".details";

	static final String FAILURE = AuditTrail.class.getName() + ".failure";

	private AuditTrail() {
	}

	/** Adds {@code key=value} to the audit line of the current request. */
	public static void note(String key, Object value) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null || value == null) {
			return;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> details = (Map<String, Object>) request.getAttribute(DETAILS, RequestAttributes.SCOPE_REQUEST);
		if (details == null) {
			details = new LinkedHashMap<>();
			request.setAttribute(DETAILS, details, RequestAttributes.SCOPE_REQUEST);
		}
		details.put(key, value);
	}

	/** The error code and message the request was refused with. */
	public static void failure(String error, String message) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(FAILURE, error + ": " + message, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
