package io.meridian.domains.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import io.grpc.StatusRuntimeException;

import io.meridian.grpc.Refusals;

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
		return Refusals.status(this.error.code(), getMessage(), DomainError.ERROR_DOMAIN, this.error.name(), this.metadata);
	}

	/** The refusal a status carries, if it carries one of domain-service's reasons. */
	public static Optional<DomainRefusedException> from(StatusRuntimeException ex) {
		return Refusals.from(ex, DomainError.ERROR_DOMAIN)
			.flatMap(refusal -> Arrays.stream(DomainError.values())
				.filter(error -> error.name().equals(refusal.reason()))
				.findFirst()
				.map(error -> {
					DomainRefusedException refused = new DomainRefusedException(error, refusal.message(), refusal.metadata());
					refused.initCause(ex);
					return refused;
				}));
	}

}
