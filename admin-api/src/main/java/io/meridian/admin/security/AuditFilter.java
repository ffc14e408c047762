package io.meridian.admin.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs every write on the {@code meridian.audit} logger once it is answered, accepted or not:
 * who (the operator, or {@code anonymous}), what (method, path, the details the handler
 * noted), when (the log line's time) and the outcome (status, and the error when refused).
 * Reads are not logged. Runs after authentication, around authorization.
 */
public class AuditFilter extends OncePerRequestFilter {

	/** The audit logger's name, for routing its lines to a log of their own. */
	public static final String LOGGER = "meridian.audit";

	private static final Logger audit = LoggerFactory.getLogger(LOGGER);

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return READS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			log(request, failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus());
		}
	}

	private static void log(HttpServletRequest request, int status) {
		String user = clean(user(SecurityContextHolder.getContext().getAuthentication()));
		String action = request.getMethod() + " " + request.getRequestURI();
		String outcome = (status < 400) ? "ok" : "refused";
		StringBuilder line = new StringBuilder().append("user=").append(user).append(" action=\"").append(action).append('"');
		@SuppressWarnings("unchecked")
		Map<String, Object> details = (Map<String, Object>) request.getAttribute(AuditTrail.DETAILS);
		if (details != null) {
			details.forEach((key, value) -> line.append(' ').append(key).append("=\"").append(clean(value)).append('"'));
		}
		line.append(" status=").append(status).append(" outcome=").append(outcome);
		Object failure = request.getAttribute(AuditTrail.FAILURE);
		if (failure != null) {
			line.append(" error=\"").append(clean(failure)).append('"');
		}
		line.append(" remote=").append(request.getRemoteAddr());
		LoggingEventBuilder event = (status < 400 ? audit.atInfo() : audit.atWarn()).addKeyValue("user", user)
			.addKeyValue("action", action)
			.addKeyValue("status", status)
			.addKeyValue("outcome", outcome);
		event.log(line.toString());
	}

	/** One line per event, whatever a caller put in a field: no line breaks, no unescaped quotes. */
	static String clean(Object value) {
		StringBuilder clean = new StringBuilder();
		String text = String.valueOf(value);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				clean.append('\\').append(c);
			}
			else {
				clean.append(Character.isISOControl(c) ? '?' : c);
			}
		}
		return clean.toString();
	}

	private static String user(Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return "anonymous";
		}
		return authentication.getName();
	}

}
