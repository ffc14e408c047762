package io.meridian.admin.web;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.HttpStatus;

import io.meridian.domains.api.DomainError;
import io.meridian.domains.api.DomainRefusedException;
import io.meridian.gateway.api.AdminError;
import io.meridian.gateway.api.AdminRefusedException;

import static org.assertj.core.api.Assertions.assertThat;

class BackendErrorsTest {

	@ParameterizedTest
	@EnumSource(AdminError.class)
	void everyGatewayReasonHasItsStatusAndKeepsItsNameAsTheErrorCode(AdminError reason) {
		ApiException mapped = BackendErrors.gateway(new AdminRefusedException(reason, "refused", Map.of()));
		HttpStatus expected = switch (reason) {
			case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
			case UNKNOWN_DOMAIN, UNKNOWN_ACCOUNT, NO_SESSION, UNKNOWN_CONTACT -> HttpStatus.NOT_FOUND;
			case ACCOUNT_EXISTS -> HttpStatus.CONFLICT;
		};
		assertThat(mapped.status()).isEqualTo(expected);
		assertThat(mapped.error()).isEqualTo(reason.name());
		assertThat(mapped.getMessage()).isEqualTo("refused");
	}

	@Test
	void gatewayFieldsAreRenamedToTheirRestNames() {
		assertThat(invalidGatewayField("new_password")).isEqualTo("password");
		assertThat(invalidGatewayField("page_size")).isEqualTo("limit");
		assertThat(invalidGatewayField("from")).isEqualTo("caller");
		assertThat(invalidGatewayField("to")).isEqualTo("to");
		assertThat(invalidGatewayField("username")).isEqualTo("username");
		assertThat(invalidGatewayField("stanza")).isEqualTo("stanza");
		assertThat(BackendErrors.gateway(new AdminRefusedException(AdminError.INVALID_ARGUMENT, "x", Map.of())).field()).isNull();
	}

	private static String invalidGatewayField(String field) {
		return BackendErrors.gateway(AdminRefusedException.invalid(field, "bad")).field();
	}

	@ParameterizedTest
	@EnumSource(DomainError.class)
	void everyDomainReasonHasItsStatus(DomainError reason) {
		ApiException mapped = BackendErrors.domains(new DomainRefusedException(reason, "refused", Map.of("domain", "a.example")));
		HttpStatus expected = switch (reason) {
			case INVALID_DOMAIN_NAME, INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
			case UNKNOWN_HOST_TYPE, STATIC_DOMAIN -> HttpStatus.FORBIDDEN;
			case HOST_TYPE_CONFLICT -> HttpStatus.CONFLICT;
			case DOMAIN_NOT_FOUND -> HttpStatus.NOT_FOUND;
		};
		assertThat(mapped.status()).isEqualTo(expected);
		assertThat(mapped.error()).isEqualTo(reason.name());
	}

	@Test
	void domainRefusalsNameTheFieldThatCausedThem() {
		assertThat(BackendErrors.domains(new DomainRefusedException(DomainError.INVALID_DOMAIN_NAME, "x", Map.of())).field()).isEqualTo("domain");
		assertThat(BackendErrors.domains(new DomainRefusedException(DomainError.UNKNOWN_HOST_TYPE, "x", Map.of())).field()).isEqualTo("hostType");
		assertThat(BackendErrors.domains(new DomainRefusedException(DomainError.HOST_TYPE_CONFLICT, "x", Map.of())).field()).isEqualTo("hostType");
		assertThat(BackendErrors.domains(new DomainRefusedException(DomainError.STATIC_DOMAIN, "x", Map.of())).field()).isNull();
	}

	@Test
	void anUnreachableServiceIs503AndNamesItsAddress() {
		StatusRuntimeException down = Status.UNAVAILABLE.withDescription("io exception")
			.withCause(new ConnectException("Connection refused"))
			.asRuntimeException();
		ApiException mapped = BackendErrors.status(down, "gateway", "gw:9201", Duration.ofSeconds(5));
		assertThat(mapped.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(mapped.error()).isEqualTo("UNAVAILABLE");
		assertThat(mapped.getMessage()).isEqualTo("gateway at gw:9201 is unavailable: io exception (Connection refused)");
	}

	@Test
	void aServiceThatDoesNotAnswerInTimeIs504() {
		ApiException mapped = BackendErrors.status(Status.DEADLINE_EXCEEDED.asRuntimeException(), "domain-service", "ds:9202",
				Duration.ofMillis(1500));
		assertThat(mapped.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(mapped.error()).isEqualTo("TIMEOUT");
		assertThat(mapped.getMessage()).isEqualTo("domain-service at ds:9202 did not answer within 1500 ms");
	}

	@Test
	void statusesWithoutAReasonKeepTheirMeaningAndFailuresAre502() {
		assertThat(status(Status.INVALID_ARGUMENT)).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(status(Status.NOT_FOUND)).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(status(Status.ALREADY_EXISTS)).isEqualTo(HttpStatus.CONFLICT);
		assertThat(status(Status.PERMISSION_DENIED)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(Status.FAILED_PRECONDITION)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(Status.INTERNAL)).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(status(Status.UNIMPLEMENTED)).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(status(Status.UNAUTHENTICATED)).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(BackendErrors.status(Status.INTERNAL.withDescription("boom").asRuntimeException(), "gateway", "gw:1", Duration.ZERO)
			.getMessage()).isEqualTo("gateway failed: INTERNAL: boom");
	}

	private static HttpStatus status(Status status) {
		return BackendErrors.status(status.asRuntimeException(), "gateway", "gw:1", Duration.ofSeconds(1)).status();
	}

}
