package io.meridian.admin.backend;

import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

/** Asks each service's standard gRPC health service whether it serves. */
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
			// It answered, only not with a health status (no health service, say): it is there.
			return new State(address, "UNKNOWN", true, code + ": " + ex.getStatus().getDescription());
		}
	}

	/**
	 * @param address where it was asked
	 * @param status SERVING, NOT_SERVING, UNREACHABLE or UNKNOWN
	 * @param reachable whether it answered at all
	 * @param detail why it is not SERVING, when known
	 */
	public record State(String address, String status, boolean reachable, String detail) {
	}

}
