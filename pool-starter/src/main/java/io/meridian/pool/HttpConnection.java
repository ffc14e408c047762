package io.meridian.pool;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Connection options of an {@code http} pool, as MongooseIM's
 * {@code outgoing_pools.http.*.connection}: one HTTP(S) server that every request of the pool
 * goes to, under a common path prefix.
 *
 * @param server the server's scheme, host and port, e.g. {@code https://push.example.com:8443}; required,
 * {@code http} or {@code https} only, no path (that goes in {@code path-prefix})
 * @param pathPrefix the path every request path is joined to, e.g. {@code /api/auth/}; {@code /} by default
 * @param requestTimeout the longest a request may wait for the server's response, connecting included; 2000 ms by
 * default, a bare number is milliseconds, as in MongooseIM
 * @param tls TLS to an {@code https} server; verified against the JVM's trust store when absent; not allowed for
 * {@code http}
 */
public record HttpConnection(String server, @DefaultValue("/") String pathPrefix,
		@DefaultValue("2000") @DurationUnit(ChronoUnit.MILLIS) Duration requestTimeout, TlsOptions tls) {

	static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMillis(2000);

	public HttpConnection {
		URI uri = serverUri(server);
		server = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
		pathPrefix = normalizedPrefix(pathPrefix);
		requestTimeout = (requestTimeout != null) ? requestTimeout : DEFAULT_REQUEST_TIMEOUT;
		if (requestTimeout.isNegative() || requestTimeout.isZero()) {
			throw new IllegalArgumentException("request-timeout must be positive, was " + requestTimeout.toMillis() + " ms");
		}
		boolean https = server.startsWith("https:");
		if (tls != null && !https) {
			throw new IllegalArgumentException("tls is for https servers only; server '" + server + "' is http, use https://");
		}
		// https is always verified: without a tls block, against the JVM's trust store.
		tls = (https && tls == null) ? TlsOptions.defaults() : tls;
	}

	private static URI serverUri(String server) {
		if (server == null || server.isBlank()) {
			throw new IllegalArgumentException("server is required, e.g. https://push.example.com:8443");
		}
		URI uri;
		try {
			uri = new URI(server.trim());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("server '" + server + "' is not a URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			throw new IllegalArgumentException("server '" + server + "' must start with http:// or https://");
		}
		if (uri.getHost() == null) {
			throw new IllegalArgumentException("server '" + server + "' names no host, e.g. https://push.example.com:8443");
		}
		if (uri.getPort() > 65535) {
			throw new IllegalArgumentException("server '" + server + "': port must be between 1 and 65535");
		}
		if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException("server '" + server + "' takes scheme, host and port only");
		}
		String path = uri.getRawPath();
		if (path != null && !path.isEmpty() && !path.equals("/")) {
			throw new IllegalArgumentException("server '" + server + "' takes scheme, host and port only; put '" + path
					+ "' in path-prefix");
		}
		return uri;
	}

	/** {@code api/auth}, {@code /api/auth} and {@code /api/auth/} all become {@code /api/auth/}. */
	private static String normalizedPrefix(String prefix) {
		String trimmed = (prefix != null) ? prefix.trim() : "";
		if (trimmed.contains("?") || trimmed.contains("#")) {
			throw new IllegalArgumentException("path-prefix '" + prefix + "' must be a path, without '?' or '#'");
		}
		String inner = trimmed.replaceAll("^/+", "").replaceAll("/+$", "");
		return inner.isEmpty() ? "/" : "/" + inner + "/";
	}

	public boolean https() {
		return this.server.startsWith("https:");
	}

	/** The server's host name or address, without the brackets of an IPv6 address. */
	public String hostName() {
		String host = URI.create(this.server).getHost();
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/** {@code server} and {@code path-prefix} together: what request paths are relative to. */
	public String baseUrl() {
		return this.server + this.pathPrefix;
	}

}
