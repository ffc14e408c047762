package io.meridian.domains.grpc;

import java.util.function.Supplier;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import io.meridian.domains.api.DomainRefusedException;
import io.meridian.domains.api.v1.AddDomainRequest;
import io.meridian.domains.api.v1.DisableDomainRequest;
import io.meridian.domains.api.v1.Domain;
import io.meridian.domains.api.v1.DomainChange;
import io.meridian.domains.api.v1.DomainEvent;
import io.meridian.domains.api.v1.DomainsGrpc;
import io.meridian.domains.api.v1.EnableDomainRequest;
import io.meridian.domains.api.v1.EventsAfterRequest;
import io.meridian.domains.api.v1.EventsAfterResponse;
import io.meridian.domains.api.v1.GetDomainRequest;
import io.meridian.domains.api.v1.ListDomainsRequest;
import io.meridian.domains.api.v1.ListDomainsResponse;
import io.meridian.domains.api.v1.RemoveDomainRequest;
import io.meridian.domains.service.DomainRules;
import io.meridian.domains.store.Change;
import io.meridian.domains.store.DomainEntry;
import io.meridian.domains.store.DomainPage;
import io.meridian.domains.store.EventPage;
import io.meridian.domains.store.StoredEvent;
import io.meridian.pool.PoolException;

/**
 * The {@code meridian.domains.v1.Domains} service over {@link DomainRules}: refusals become
 * their documented status with an {@code ErrorInfo}, a database that does not answer becomes
 * {@code UNAVAILABLE}, anything else {@code INTERNAL}.
 */
public class DomainsGrpcService extends DomainsGrpc.DomainsImplBase {

	private static final Logger log = LoggerFactory.getLogger(DomainsGrpcService.class);

	private final DomainRules rules;

	public DomainsGrpcService(DomainRules rules) {
		this.rules = rules;
	}

	@Override
	public void addDomain(AddDomainRequest request, StreamObserver<DomainChange> response) {
		respond(response, () -> change(this.rules.add(request.getDomain(), request.getHostType())));
	}

	@Override
	public void removeDomain(RemoveDomainRequest request, StreamObserver<DomainChange> response) {
		respond(response, () -> change(this.rules.remove(request.getDomain())));
	}

	@Override
	public void enableDomain(EnableDomainRequest request, StreamObserver<DomainChange> response) {
		respond(response, () -> change(this.rules.enable(request.getDomain())));
	}

	@Override
	public void disableDomain(DisableDomainRequest request, StreamObserver<DomainChange> response) {
		respond(response, () -> change(this.rules.disable(request.getDomain())));
	}

	@Override
	public void getDomain(GetDomainRequest request, StreamObserver<Domain> response) {
		respond(response, () -> domain(this.rules.get(request.getDomain())));
	}

	@Override
	public void listDomains(ListDomainsRequest request, StreamObserver<ListDomainsResponse> response) {
		respond(response, () -> {
			DomainPage page = this.rules.list(request.getHostType(), request.getEnabledOnly(), request.getAfterId(), request.getPageSize());
			ListDomainsResponse.Builder answer = ListDomainsResponse.newBuilder()
				.setHasMore(page.hasMore())
				.setLastEventId(page.lastEventId());
			page.domains().forEach(d -> answer.addDomains(domain(d)));
			return answer.build();
		});
	}

	@Override
	public void eventsAfter(EventsAfterRequest request, StreamObserver<EventsAfterResponse> response) {
		respond(response, () -> {
			EventPage page = this.rules.eventsAfter(request.getAfterId(), request.getLimit());
			EventsAfterResponse.Builder answer = EventsAfterResponse.newBuilder()
				.setOldestEventId(page.oldestEventId())
				.setLastEventId(page.lastEventId());
			page.events().forEach(e -> answer.addEvents(event(e)));
			return answer.build();
		});
	}

	private static <T> void respond(StreamObserver<T> response, Supplier<T> call) {
		T answer;
		try {
			answer = call.get();
		}
		catch (DomainRefusedException ex) {
			response.onError(ex.toStatusException());
			return;
		}
		catch (PoolException | DataAccessResourceFailureException | TransientDataAccessException ex) {
			log.warn("Domain call failed, the database does not answer: {}", ex.toString());
			response.onError(Status.UNAVAILABLE.withDescription("the domain database does not answer; retry later")
				.withCause(ex)
				.asRuntimeException());
			return;
		}
		catch (RuntimeException ex) {
			log.error("Domain call failed", ex);
			response.onError(Status.INTERNAL.withDescription("domain-service failed: " + ex.getClass().getSimpleName())
				.withCause(ex)
				.asRuntimeException());
			return;
		}
		response.onNext(answer);
		response.onCompleted();
	}

	private static DomainChange change(Change change) {
		DomainChange.Builder answer = DomainChange.newBuilder().setChanged(change.changed()).setEventId(change.eventId());
		if (change.domain() != null) {
			answer.setDomain(domain(change.domain()));
		}
		return answer.build();
	}

	private static Domain domain(DomainEntry entry) {
		return Domain.newBuilder()
			.setId(entry.id())
			.setDomain(entry.domain())
			.setHostType(entry.hostType())
			.setEnabled(entry.enabled())
			.setStaticDomain(entry.staticDomain())
			.build();
	}

	private static DomainEvent event(StoredEvent event) {
		DomainEvent.Builder answer = DomainEvent.newBuilder().setId(event.id()).setDomain(event.domain());
		if (event.time() != null) {
			answer.setTime(Timestamp.newBuilder().setSeconds(event.time().getEpochSecond()).setNanos(event.time().getNano()));
		}
		return answer.build();
	}

}
