package io.meridian.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** admin-api as an HTTP client sees it: one user (or none), raw JSON bodies in, status and JSON out. */
public final class AdminHttp {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final URI base;

	private final String authorization;

	private AdminHttp(URI base, String authorization) {
		this.base = base;
		this.authorization = authorization;
	}

	public static AdminHttp anonymous(int port) {
		return new AdminHttp(URI.create("http://127.0.0.1:" + port), null);
	}

	public static AdminHttp as(int port, String user, String password) {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new AdminHttp(URI.create("http://127.0.0.1:" + port), "Basic " + credentials);
	}

	public Answer get(String path) {
		return send("GET", path, null);
	}

	public Answer post(String path, String body) {
		return send("POST", path, body);
	}

	public Answer put(String path, String body) {
		return send("PUT", path, body);
	}

	public Answer patch(String path, String body) {
		return send("PATCH", path, body);
	}

	public Answer delete(String path) {
		return send("DELETE", path, null);
	}

	public Answer send(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new AssertionError(method + " " + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	/**
	 * @param status the HTTP status
	 * @param body the body as text
	 * @param headers the response headers
	 */
	public record Answer(int status, String body, HttpHeaders headers) {

		public JsonNode json() {
			return AdminHttp.json.readTree(this.body);
		}

		/** A field of the JSON body as text; "" when absent or null. */
		public String field(String name) {
			JsonNode value = json().get(name);
			return (value == null || value.isNull()) ? "" : value.asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
