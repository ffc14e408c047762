package io.meridian.admin.web;

import java.util.function.Supplier;

import io.grpc.StatusRuntimeException;

import org.springframework.stereotype.Component;

import io.meridian.admin.backend.Backend;
import io.meridian.admin.backend.BackendChannels;
import io.meridian.domains.api.DomainRefusedException;
import io.meridian.gateway.api.AdminRefusedException;

/** Runs a call to a service and turns whatever it refuses or fails with into an {@link ApiException}. */
@Component
class BackendCalls {

	private final BackendChannels channels;

	BackendCalls(BackendChannels channels) {
		this.channels = channels;
	}

	<T> T gateway(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (AdminRefusedException ex) {
			throw BackendErrors.gateway(ex);
		}
		catch (StatusRuntimeException ex) {
			throw failed(Backend.GATEWAY, ex);
		}
	}

	<T> T domains(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (DomainRefusedException ex) {
			throw BackendErrors.domains(ex);
		}
		catch (StatusRuntimeException ex) {
			throw failed(Backend.DOMAIN_SERVICE, ex);
		}
	}

	private ApiException failed(Backend backend, StatusRuntimeException ex) {
		return BackendErrors.status(ex, backend.displayName(), this.channels.address(backend), this.channels.deadline(backend));
	}

}
