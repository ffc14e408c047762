package io.meridian.admin.backend;

import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

/**
 * Asks each service's standard gRPC health service ({@code grpc.health.v1}) whether it serves. A
 * service without one (Spring gRPC registers it only when {@code spring.grpc.server.health.enabled}
 * is set or it sees the services at start) still answers: it is reachable, its state unknown.
 */
public class BackendHealth {

	private final BackendChannels channels;

	public BackendHealth(BackendChannels channels) {
		this.channels = channels;
	}

	public State check(Backend backend) {
		String address = this.channels.address(backend);
		try {
			HealthCheckResponse response = HealthGrpc.newBlockingStub(this.channels.channel(backend))
				.withDeadlineAfter(this.channels.deadline(backend).toMillis(), TimeUnit.MILLISECONDS)
				.check(HealthCheckRequest.getDefaultInstance());
			return new State(address, response.getStatus().name(), true, null);
		}
		catch (StatusRuntimeException ex) {
			Status.Code code = ex.getStatus().getCode();
			if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
				return new State(address, "UNREACHABLE", false, ex.getStatus().getDescription());
			}
			if (code == Status.Code.UNIMPLEMENTED) {
				return new State(address, "REACHABLE", true, "answers, without a gRPC health service");
			}
			return new State(address, "REACHABLE", true, code + ": " + ex.getStatus().getDescription());
		}
	}

	/**
	 * @param address where it was asked
	 * @param status SERVING or NOT_SERVING (its health service said so), REACHABLE (it answered
	 *               without a health status) or UNREACHABLE
	 * @param reachable whether it answered at all
	 * @param detail why it is not SERVING, when known
	 */
	public record State(String address, String status, boolean reachable, String detail) {
	}

}
