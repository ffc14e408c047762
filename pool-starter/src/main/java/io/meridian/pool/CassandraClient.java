package io.meridian.pool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;

/**
 * The client of a {@code cassandra} pool: one {@link CqlSession}, opened on first use. The
 * driver only builds a session once a node answers, so a pool whose cluster is down still
 * starts; each use while there is no session tries again, and its error (no node reachable,
 * unknown keyspace, bad credentials) is the call's error. Once open, the driver itself
 * reconnects to nodes that go away.
 */
public final class CassandraClient implements AutoCloseable {

	private final Supplier<CompletionStage<CqlSession>> connect;

	private final Duration wait;

	private CompletableFuture<CqlSession> session;

	private boolean closed;

	CassandraClient(Supplier<CompletionStage<CqlSession>> connect, Duration wait) {
		this.connect = connect;
		this.wait = wait;
	}

	/**
	 * The open session, opening it if needed and waiting at most {@code call-timeout}. A
	 * session still opening after that is kept for the next call, and this call fails with
	 * the driver's {@link DriverTimeoutException}.
	 */
	public CqlSession session() {
		CompletableFuture<CqlSession> attempt;
		synchronized (this) {
			if (this.closed) {
				throw new IllegalStateException("the cassandra pool is closed");
			}
			if (this.session == null || this.session.isCompletedExceptionally()) {
				this.session = this.connect.get().toCompletableFuture();
			}
			attempt = this.session;
		}
		try {
			return attempt.get(this.wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new DriverTimeoutException("no Cassandra session within " + this.wait.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while opening the Cassandra session", ex);
		}
	}

	/** Closes the open session now, or the one still opening once it opens. */
	@Override
	public void close() {
		CompletableFuture<CqlSession> last;
		synchronized (this) {
			this.closed = true;
			last = this.session;
		}
		if (last != null) {
			last.thenAccept(CqlSession::close);
		}
	}

}
