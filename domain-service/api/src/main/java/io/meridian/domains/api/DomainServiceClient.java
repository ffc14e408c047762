package io.meridian.domains.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;

import io.meridian.domains.api.v1.AddDomainRequest;
import io.meridian.domains.api.v1.DisableDomainRequest;
import io.meridian.domains.api.v1.Domain;
import io.meridian.domains.api.v1.DomainChange;
import io.meridian.domains.api.v1.DomainsGrpc;
import io.meridian.domains.api.v1.EnableDomainRequest;
import io.meridian.domains.api.v1.EventsAfterRequest;
import io.meridian.domains.api.v1.EventsAfterResponse;
import io.meridian.domains.api.v1.GetDomainRequest;
import io.meridian.domains.api.v1.ListDomainsRequest;
import io.meridian.domains.api.v1.ListDomainsResponse;
import io.meridian.domains.api.v1.RemoveDomainRequest;

/**
 * The blocking client of domain-service, for admin-api and the gateway nodes. Every call has
 * the same deadline. A refusal comes back as {@link DomainRefusedException} (its
 * {@link DomainError} says why); other failures, such as {@code UNAVAILABLE} or
 * {@code DEADLINE_EXCEEDED}, as the {@link StatusRuntimeException} gRPC raised.
 */
public class DomainServiceClient {

	private final DomainsGrpc.DomainsBlockingStub stub;

	private final Duration deadline;

	/**
	 * @param channel a channel to domain-service, owned by the caller
	 * @param deadline how long each call may take
	 */
	public DomainServiceClient(Channel channel, Duration deadline) {
		this.stub = DomainsGrpc.newBlockingStub(channel);
		this.deadline = deadline;
	}

	/** Adds an enabled domain; the same domain and host type again changes nothing. */
	public DomainChange add(String domain, String hostType) {
		return call(() -> stub().addDomain(AddDomainRequest.newBuilder().setDomain(domain).setHostType(hostType).build()));
	}

	/** Removes a domain; an absent one changes nothing. */
	public DomainChange remove(String domain) {
		return call(() -> stub().removeDomain(RemoveDomainRequest.newBuilder().setDomain(domain).build()));
	}

	public DomainChange enable(String domain) {
		return call(() -> stub().enableDomain(EnableDomainRequest.newBuilder().setDomain(domain).build()));
	}

	public DomainChange disable(String domain) {
		return call(() -> stub().disableDomain(DisableDomainRequest.newBuilder().setDomain(domain).build()));
	}

	/** The domain, dynamic or static; empty when there is none. */
	public Optional<Domain> get(String domain) {
		try {
			return Optional.of(call(() -> stub().getDomain(GetDomainRequest.newBuilder().setDomain(domain).build())));
		}
		catch (DomainRefusedException ex) {
			if (ex.error() == DomainError.DOMAIN_NOT_FOUND) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * One page of dynamic domains in id order.
	 * @param hostType only this host type; all when null or empty
	 * @param enabledOnly only enabled domains
	 * @param afterId ids greater than this; 0 for the first page
	 * @param pageSize at most this many; 0 for the server's default
	 */
	public ListDomainsResponse list(String hostType, boolean enabledOnly, long afterId, int pageSize) {
		ListDomainsRequest request = ListDomainsRequest.newBuilder()
			.setHostType((hostType != null) ? hostType : "")
			.setEnabledOnly(enabledOnly)
			.setAfterId(afterId)
			.setPageSize(pageSize)
			.build();
		return call(() -> stub().listDomains(request));
	}

	/** Events with an id greater than {@code afterId}, at most {@code limit} (0 for the server's default). */
	public EventsAfterResponse eventsAfter(long afterId, int limit) {
		return call(() -> stub().eventsAfter(EventsAfterRequest.newBuilder().setAfterId(afterId).setLimit(limit).build()));
	}

	/**
	 * Every enabled dynamic domain, loaded page by page, and the event id to follow from: a
	 * follower applies the events after {@link EnabledDomains#lastEventId()} and misses no change.
	 */
	public EnabledDomains loadEnabled(int pageSize) {
		List<Domain> domains = new ArrayList<>();
		long afterId = 0;
		long lastEventId = -1;
		while (true) {
			ListDomainsResponse page = list(null, true, afterId, pageSize);
			if (lastEventId < 0) {
				lastEventId = page.getLastEventId();
			}
			domains.addAll(page.getDomainsList());
			if (!page.getHasMore() || page.getDomainsCount() == 0) {
				return new EnabledDomains(List.copyOf(domains), lastEventId);
			}
			afterId = page.getDomains(page.getDomainsCount() - 1).getId();
		}
	}

	private DomainsGrpc.DomainsBlockingStub stub() {
		return this.stub.withDeadlineAfter(this.deadline.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static <T> T call(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (StatusRuntimeException ex) {
			throw DomainRefusedException.from(ex).map(RuntimeException.class::cast).orElse(ex);
		}
	}

	/**
	 * Every enabled dynamic domain at one moment.
	 * @param domains the domains in id order
	 * @param lastEventId the greatest event id when the first page was read
	 */
	public record EnabledDomains(List<Domain> domains, long lastEventId) {
	}

}
