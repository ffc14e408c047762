package io.meridian.domains.api;

import java.util.Map;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRefusedExceptionTest {

	@Test
	void eachReasonHasItsDocumentedCode() {
		assertThat(DomainError.INVALID_DOMAIN_NAME.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(DomainError.INVALID_REQUEST.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(DomainError.UNKNOWN_HOST_TYPE.code()).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(DomainError.HOST_TYPE_CONFLICT.code()).isEqualTo(Status.Code.ALREADY_EXISTS);
		assertThat(DomainError.STATIC_DOMAIN.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(DomainError.DOMAIN_NOT_FOUND.code()).isEqualTo(Status.Code.NOT_FOUND);
	}

	@ParameterizedTest
	@EnumSource(DomainError.class)
	void aRefusalSurvivesTheWireFormat(DomainError error) {
		DomainRefusedException sent = new DomainRefusedException(error, "refused: " + error,
				Map.of(DomainRefusedException.DOMAIN, "example.com", DomainRefusedException.HOST_TYPE, "type1"));
		StatusRuntimeException status = sent.toStatusException();
		assertThat(status.getStatus().getCode()).isEqualTo(error.code());
		assertThat(status.getStatus().getDescription()).isEqualTo("refused: " + error);

		DomainRefusedException received = DomainRefusedException.from(status).orElseThrow();
		assertThat(received.error()).isEqualTo(error);
		assertThat(received.getMessage()).isEqualTo("refused: " + error);
		assertThat(received.domain()).isEqualTo("example.com");
		assertThat(received.metadata()).containsEntry(DomainRefusedException.HOST_TYPE, "type1");
		assertThat(received.getCause()).isSameAs(status);
	}

	@Test
	void aStatusWithoutOurDetailIsNoRefusal() {
		assertThat(DomainRefusedException.from(Status.UNAVAILABLE.withDescription("down").asRuntimeException())).isEmpty();
	}

}
