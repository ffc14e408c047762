package io.meridian.ctl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * admin-api's REST API over the JDK's HTTP client: JSON in, JSON out, and every error status
 * turned into a {@link CtlException} with the problem's message and the exit code for it.
 */
public class AdminApi {

	static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	private final Settings settings;

	private final Duration timeout;

	public AdminApi(Settings settings, Duration timeout) {
		this.settings = settings;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	public JsonNode get(String path) {
		return send("GET", path, null);
	}

	public JsonNode post(String path, Object body) {
		return send("POST", path, body);
	}

	public JsonNode put(String path, Object body) {
		return send("PUT", path, body);
	}

	public JsonNode patch(String path, Object body) {
		return send("PATCH", path, body);
	}

	public JsonNode delete(String path) {
		return send("DELETE", path, null);
	}

	/** A path from segments, each percent-encoded ({@code "users", "localhost"} is {@code /users/localhost}). */
	public static String path(String... segments) {
		StringBuilder path = new StringBuilder();
		for (String segment : segments) {
			path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
		}
		return path.toString();
	}

	/** A query string from name, value pairs; null values are left out. */
	public static String query(Object... namesAndValues) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				query.add(namesAndValues[i] + "=" + URLEncoder.encode(String.valueOf(namesAndValues[i + 1]), StandardCharsets.UTF_8));
			}
		}
		return query.toString();
	}

	/** @return the answer's JSON; a {@link NullNode} when it has no body (204) */
	private JsonNode send(String method, String path, Object body) {
		URI uri = URI.create(this.settings.url() + path);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(this.timeout).header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		if (this.settings.user() != null) {
			String credentials = this.settings.user() + ":" + ((this.settings.password() != null) ? this.settings.password() : "");
			request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (ConnectException | HttpConnectTimeoutException ex) {
			throw new CtlException(ExitCodes.UNREACHABLE, "cannot reach admin-api at " + this.settings.url() + ": " + reason(ex));
		}
		catch (HttpTimeoutException ex) {
			throw new CtlException(ExitCodes.UNREACHABLE, "admin-api at " + this.settings.url() + " did not answer within "
					+ this.timeout.toSeconds() + " s");
		}
		catch (IOException ex) {
			throw new CtlException(ExitCodes.UNREACHABLE, "cannot reach admin-api at " + this.settings.url() + ": " + reason(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CtlException(ExitCodes.FAILED, "interrupted");
		}
		JsonNode answer = parse(response.body());
		if (response.statusCode() >= 400) {
			throw refused(response.statusCode(), answer);
		}
		return answer;
	}

	private static String reason(IOException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				return cause.getMessage();
			}
		}
		return (ex instanceof ConnectException) ? "connection refused" : ex.getClass().getSimpleName();
	}

	private static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return NullNode.getInstance();
		}
		try {
			return json.readTree(body);
		}
		catch (JacksonException ex) {
			return json.getNodeFactory().stringNode(body);
		}
	}

	private CtlException refused(int status, JsonNode problem) {
		StringBuilder message = new StringBuilder();
		String text = Output.text(problem, "message");
		if (text.isEmpty()) {
			text = Output.text(problem, "detail");
		}
		message.append(text.isEmpty() ? "HTTP " + status : text);
		StringJoiner details = new StringJoiner(", ", " (", ")");
		details.add("HTTP " + status);
		String error = Output.text(problem, "error");
		if (!error.isEmpty()) {
			details.add(error);
		}
		String field = Output.text(problem, "field");
		if (!field.isEmpty()) {
			details.add("field " + field);
		}
		message.append(details);
		if (status == 401 && this.settings.user() == null) {
			message.append("; give a user with --user, MERIDIAN_USER or the config file");
		}
		return new CtlException(ExitCodes.of(status), message.toString());
	}

	/** A JSON object from name, value pairs; null values are left out. */
	public static Map<String, Object> body(Object... namesAndValues) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				body.put((String) namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		return body;
	}

}
