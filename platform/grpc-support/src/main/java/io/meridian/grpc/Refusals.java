package io.meridian.grpc;

import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * A refused call on the wire: a status whose details hold one {@code google.rpc.ErrorInfo}
 * naming the service's error domain, a reason and metadata. Each contract's exception turns
 * itself into one with {@link #status} and back with {@link #from}.
 */
public final class Refusals {

	private Refusals() {
	}

	/** The status a server answers with: the code, the message and the ErrorInfo detail. */
	public static StatusRuntimeException status(Status.Code code, String message, String errorDomain, String reason,
			Map<String, String> metadata) {
		ErrorInfo info = ErrorInfo.newBuilder().setReason(reason).setDomain(errorDomain).putAllMetadata(metadata).build();
		return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(code.value())
			.setMessage(message)
			.addDetails(Any.pack(info))
			.build());
	}

	/** The refusal a status carries, if it carries an ErrorInfo of this error domain. */
	public static Optional<Refusal> from(StatusRuntimeException ex, String errorDomain) {
		com.google.rpc.Status status = StatusProto.fromThrowable(ex);
		if (status == null) {
			return Optional.empty();
		}
		for (Any detail : status.getDetailsList()) {
			try {
				if (detail.is(ErrorInfo.class)) {
					ErrorInfo info = detail.unpack(ErrorInfo.class);
					if (errorDomain.equals(info.getDomain())) {
						return Optional.of(new Refusal(info.getReason(), status.getMessage(), info.getMetadataMap()));
					}
				}
			}
			catch (InvalidProtocolBufferException ex2) {
				// A detail this client cannot read: the caller sees the plain status.
			}
		}
		return Optional.empty();
	}

	/**
	 * What a refusal said.
	 *
	 * @param reason the ErrorInfo reason
	 * @param message the status message
	 * @param metadata the ErrorInfo metadata
	 */
	public record Refusal(String reason, String message, Map<String, String> metadata) {
	}

}
