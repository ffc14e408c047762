package io.meridian.domains.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * A call domain-service refused, on both sides of the wire: the server turns it into a status
 * with an {@code ErrorInfo} ({@link #toStatusException()}), the client turns that status back
 * into this exception ({@link #from(StatusRuntimeException)}).
 */
public class DomainRefusedException extends RuntimeException {

	/** Metadata key: the domain, canonical when it was valid. */
	public static final String DOMAIN = "domain";

	/** Metadata key: the host type asked for. */
	public static final String HOST_TYPE = "host_type";

	/** Metadata key: the host type the domain is bound to. */
	public static final String BOUND_HOST_TYPE = "bound_host_type";

	private final DomainError error;

	private final Map<String, String> metadata;

	public DomainRefusedException(DomainError error, String message, Map<String, String> metadata) {
		super(message);
		this.error = error;
		this.metadata = Map.copyOf(metadata);
	}

	public DomainError error() {
		return this.error;
	}

	/** The domain the call was about (as given, when it was no valid name). */
	public String domain() {
		return this.metadata.getOrDefault(DOMAIN, "");
	}

	/** {@link #DOMAIN}, {@link #HOST_TYPE}, {@link #BOUND_HOST_TYPE}, as the reason has them. */
	public Map<String, String> metadata() {
		return this.metadata;
	}

	/** The status the server answers with: the reason's code, this message, an ErrorInfo detail. */
	public StatusRuntimeException toStatusException() {
		ErrorInfo info = ErrorInfo.newBuilder()
			.setReason(this.error.name())
			.setDomain(DomainError.ERROR_DOMAIN)
			.putAllMetadata(this.metadata)
			.build();
		com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
			.setCode(this.error.code().value())
			.setMessage(getMessage())
			.addDetails(Any.pack(info))
			.build();
		return StatusProto.toStatusRuntimeException(status);
	}

	/** The refusal a status carries, if it carries one of domain-service's reasons. */
	public static Optional<DomainRefusedException> from(StatusRuntimeException ex) {
		com.google.rpc.Status status = StatusProto.fromThrowable(ex);
		if (status == null) {
			return Optional.empty();
		}
		for (Any detail : status.getDetailsList()) {
			if (detail.is(ErrorInfo.class)) {
				try {
					ErrorInfo info = detail.unpack(ErrorInfo.class);
					if (DomainError.ERROR_DOMAIN.equals(info.getDomain())) {
						DomainError error = DomainError.valueOf(info.getReason());
						DomainRefusedException refused = new DomainRefusedException(error, status.getMessage(),
								new LinkedHashMap<>(info.getMetadataMap()));
						refused.initCause(ex);
						return Optional.of(refused);
					}
				}
				catch (InvalidProtocolBufferException | IllegalArgumentException ignored) {
					// A detail this client does not know: the caller sees the plain status.
				}
			}
		}
		return Optional.empty();
	}

}
