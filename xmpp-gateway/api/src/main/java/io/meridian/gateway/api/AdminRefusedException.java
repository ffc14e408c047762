package io.meridian.gateway.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import io.grpc.StatusRuntimeException;

import io.meridian.grpc.Refusals;

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

	/** The status the gateway answers with: the reason's code, this message, an ErrorInfo detail. */
	public StatusRuntimeException toStatusException() {
		return Refusals.status(this.error.code(), getMessage(), AdminError.ERROR_DOMAIN, this.error.name(), this.metadata);
	}

	/** The refusal a status carries, if it carries one of the gateway's reasons. */
	public static Optional<AdminRefusedException> from(StatusRuntimeException ex) {
		return Refusals.from(ex, AdminError.ERROR_DOMAIN)
			.flatMap(refusal -> Arrays.stream(AdminError.values())
				.filter(error -> error.name().equals(refusal.reason()))
				.findFirst()
				.map(error -> {
					AdminRefusedException refused = new AdminRefusedException(error, refusal.message(), refusal.metadata());
					refused.initCause(ex);
					return refused;
				}));
	}

}
