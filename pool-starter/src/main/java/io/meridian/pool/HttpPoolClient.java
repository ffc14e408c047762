package io.meridian.pool;

import java.time.Duration;

import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The client of an {@code http} pool: a {@link WebClient} whose request paths are relative to
 * the pool's {@code server} and {@code path-prefix}, each request bounded by
 * {@code request-timeout}. {@link #get} and {@link #post} answer every status with status and
 * body, as MongooseIM's HTTP client does; {@link #webClient()} is there for anything else.
 */
public final class HttpPoolClient {

	private final WebClient webClient;

	private final ConnectionProvider connections;

	private final HttpConnection connection;

	HttpPoolClient(WebClient webClient, ConnectionProvider connections, HttpConnection connection) {
		this.webClient = webClient;
		this.connections = connections;
		this.connection = connection;
	}

	/** The WebClient itself: {@code uri("/users/{id}", id)} goes to {@code server + path-prefix + users/<id>}. */
	public WebClient webClient() {
		return this.webClient;
	}

	public HttpConnection connection() {
		return this.connection;
	}

	/** GET {@code path} under the path prefix; any status is an answer, connection errors and timeouts throw. */
	public ResponseEntity<String> get(String path) {
		return this.webClient.get().uri(path).exchangeToMono(response -> response.toEntity(String.class)).block();
	}

	/** POST {@code body} to {@code path} under the path prefix; any status is an answer. */
	public ResponseEntity<String> post(String path, MediaType contentType, String body) {
		return this.webClient.post()
			.uri(path)
			.contentType(contentType)
			.bodyValue(body)
			.exchangeToMono(response -> response.toEntity(String.class))
			.block();
	}

	/** HEAD of the path prefix: the server answered, whatever the status. */
	void check() {
		this.webClient.head().uri("").exchangeToMono(response -> response.releaseBody()).block();
	}

	void close(Duration timeout) {
		this.connections.disposeLater().block(timeout);
	}

}
