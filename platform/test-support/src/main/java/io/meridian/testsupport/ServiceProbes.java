package io.meridian.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What Kubernetes and Prometheus see of a running Meridian service. */
public final class ServiceProbes {

	private static final HttpClient http = HttpClient.newHttpClient();

	private ServiceProbes() {
	}

	/**
	 * Asserts the service on {@code port} reports liveness and readiness UP and serves Prometheus
	 * metrics tagged with its application name and node.
	 */
	public static void assertServing(int port, String application) {
		assertThat(get(port, "/actuator/health/liveness")).contains("\"status\":\"UP\"");
		assertThat(get(port, "/actuator/health/readiness")).contains("\"status\":\"UP\"");
		assertThat(get(port, "/actuator/prometheus")).contains("jvm_memory_used_bytes")
			.contains("application=\"" + application + "\"")
			.contains("node=\"");
	}

	/** GETs a path on localhost and returns the body, failing on any status but 200. */
	public static String get(int port, String path) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
			return response.body();
		}
		catch (IOException ex) {
			throw new AssertionError("GET " + path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

}
