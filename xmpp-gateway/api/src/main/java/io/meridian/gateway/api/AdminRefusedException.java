package io.meridian.gateway.api;

import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * An admin call the gateway refused, on both sides of the wire: the gateway turns it into a
 * status with an {@code ErrorInfo} ({@link #toStatusException()}), the client turns that
 * status back into this exception ({@link #from(StatusRuntimeException)}).
 */
public class AdminRefusedException extends RuntimeException {

	/** Metadata key: the malformed field. */
	public static final String FIELD = "field";

	/** Metadata key: the domain. */
	public static final String DOMAIN = "domain";

	/** Metadata key: the account's or session's JID. */
	public static final String JID = "jid";

	private final AdminError error;

	private final Map<String, String> metadata;

	public AdminRefusedException(AdminError error, String message, Map<String, String> metadata) {
		super(message);
		this.error = error;
		this.metadata = Map.copyOf(metadata);
	}

	public static AdminRefusedException invalid(String field, String message) {
		return new AdminRefusedException(AdminError.INVALID_ARGUMENT, message, Map.of(FIELD, field));
	}

	public AdminError error() {
		return this.error;
	}

	public Map<String, String> metadata() {
		return this.metadata;
	}

	public StatusRuntimeException toStatusException() {
		ErrorInfo info = ErrorInfo.newBuilder()
			.setReason(this.error.name())
			.setDomain(AdminError.ERROR_DOMAIN)
			.putAllMetadata(this.metadata)
			.build();
		return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(this.error.code().value())
			.setMessage(getMessage())
			.addDetails(Any.pack(info))
			.build());
	}

	/** The refusal a status carries, if it carries one of the gateway's reasons. */
	public static Optional<AdminRefusedException> from(StatusRuntimeException ex) {
		com.google.rpc.Status status = StatusProto.fromThrowable(ex);
		if (status == null) {
			return Optional.empty();
		}
		for (Any detail : status.getDetailsList()) {
			try {
				if (detail.is(ErrorInfo.class)) {
					ErrorInfo info = detail.unpack(ErrorInfo.class);
					if (AdminError.ERROR_DOMAIN.equals(info.getDomain())) {
						AdminRefusedException refused = new AdminRefusedException(AdminError.valueOf(info.getReason()), status.getMessage(),
								info.getMetadataMap());
						refused.initCause(ex);
						return Optional.of(refused);
					}
				}
			}
			catch (InvalidProtocolBufferException | IllegalArgumentException ignored) {
				// A detail this client does not know: the caller sees the plain status.
			}
		}
		return Optional.empty();
	}

}
