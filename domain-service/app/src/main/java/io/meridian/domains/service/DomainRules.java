package io.meridian.domains.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.meridian.domains.api.DomainError;
import io.meridian.domains.api.DomainNames;
import io.meridian.domains.api.DomainRefusedException;
import io.meridian.domains.api.InvalidDomainNameException;
import io.meridian.domains.nudge.DomainNudges;
import io.meridian.domains.store.Change;
import io.meridian.domains.store.DomainEntry;
import io.meridian.domains.store.DomainPage;
import io.meridian.domains.store.DomainStore;
import io.meridian.domains.store.EventPage;

/**
 * What may be done to a domain, checked in this order: the name (RFC 7622 / IDNA), the
 * request's other fields, the static domains (locked), the allowed host types, then the host
 * type the domain is bound to. Every refusal of a change is logged with the domain and counted;
 * every committed change is logged, counted and nudged to the followers.
 */
public class DomainRules {

	private static final Logger log = LoggerFactory.getLogger(DomainRules.class);

	/** Page size when the caller gives none. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** Largest page; bigger asks get this many. */
	public static final int MAX_PAGE_SIZE = 1000;

	private final DomainStore store;

	private final DomainNudges nudges;

	private final Set<String> hostTypes;

	private final Map<String, String> staticDomains;

	private final MeterRegistry meters;

	/**
	 * @param store the tables
	 * @param nudges told of each committed change
	 * @param hostTypes the host types dynamic domains may have
	 * @param staticDomains canonical static domain to host type
	 * @param meters where changes and refusals are counted
	 */
	public DomainRules(DomainStore store, DomainNudges nudges, List<String> hostTypes, Map<String, String> staticDomains,
			MeterRegistry meters) {
		this.store = store;
		this.nudges = nudges;
		this.hostTypes = Set.copyOf(hostTypes);
		this.staticDomains = Map.copyOf(staticDomains);
		this.meters = meters;
	}

	/** Adds an enabled domain; the same domain and host type again is a no-op. */
	public Change add(String name, String hostType) {
		return change(Operation.ADD, name, domain -> {
			if (hostType == null || hostType.isEmpty()) {
				throw refused(DomainError.INVALID_REQUEST, "a host type is required to add " + domain, domain, Map.of());
			}
			refuseStatic(domain);
			if (!this.hostTypes.contains(hostType)) {
				throw refused(DomainError.UNKNOWN_HOST_TYPE, "host type '" + hostType + "' is not allowed for dynamic domains",
						domain, Map.of(DomainRefusedException.HOST_TYPE, hostType));
			}
			Change change = this.store.add(domain, hostType);
			String bound = change.domain().hostType();
			if (!bound.equals(hostType)) {
				throw refused(DomainError.HOST_TYPE_CONFLICT, domain + " is bound to host type '" + bound + "', not '" + hostType + "'",
						domain, Map.of(DomainRefusedException.HOST_TYPE, hostType, DomainRefusedException.BOUND_HOST_TYPE, bound));
			}
			return change;
		});
	}

	/** Removes a domain; an absent one is a no-op. */
	public Change remove(String name) {
		return change(Operation.REMOVE, name, domain -> {
			refuseStatic(domain);
			return this.store.remove(domain).orElseGet(() -> Change.unchanged(null));
		});
	}

	public Change enable(String name) {
		return setEnabled(Operation.ENABLE, name, true);
	}

	public Change disable(String name) {
		return setEnabled(Operation.DISABLE, name, false);
	}

	private Change setEnabled(Operation operation, String name, boolean enabled) {
		return change(operation, name, domain -> {
			refuseStatic(domain);
			return this.store.setEnabled(domain, enabled).orElseThrow(() -> notFound(domain));
		});
	}

	/** A dynamic domain as stored, or a static one as configured. */
	public DomainEntry get(String name) {
		String domain = canonical(name);
		String staticHostType = this.staticDomains.get(domain);
		if (staticHostType != null) {
			return DomainEntry.ofStatic(domain, staticHostType);
		}
		return this.store.find(domain).orElseThrow(() -> notFound(domain));
	}

	/**
	 * @param hostType only this host type; all when null or empty
	 * @param pageSize 0 for {@link #DEFAULT_PAGE_SIZE}, at most {@link #MAX_PAGE_SIZE}
	 */
	public DomainPage list(String hostType, boolean enabledOnly, long afterId, int pageSize) {
		requireNotNegative("after_id", afterId);
		return this.store.list((hostType == null || hostType.isEmpty()) ? null : hostType, enabledOnly, afterId,
				pageSize("page_size", pageSize));
	}

	/** @param limit 0 for {@link #DEFAULT_PAGE_SIZE}, at most {@link #MAX_PAGE_SIZE} */
	public EventPage eventsAfter(long afterId, int limit) {
		requireNotNegative("after_id", afterId);
		return this.store.eventsAfter(afterId, pageSize("limit", limit));
	}

	private Change change(Operation operation, String name, Function<String, Change> work) {
		Change change;
		try {
			change = work.apply(canonical(name));
		}
		catch (DomainRefusedException ex) {
			Counter.builder("meridian.domains.conflicts")
				.description("Changes refused, by reason")
				.tag("operation", operation.tag)
				.tag("reason", ex.error().name().toLowerCase(Locale.ROOT))
				.register(this.meters)
				.increment();
			if (ex.error() == DomainError.HOST_TYPE_CONFLICT || ex.error() == DomainError.STATIC_DOMAIN
					|| ex.error() == DomainError.UNKNOWN_HOST_TYPE) {
				log.warn("Refused to {} domain {}: {} ({})", operation.tag, ex.domain(), ex.getMessage(), ex.error());
			}
			else {
				log.info("Refused to {} domain {}: {} ({})", operation.tag, ex.domain(), ex.getMessage(), ex.error());
			}
			throw ex;
		}
		if (change.changed()) {
			Counter.builder("meridian.domains.changes")
				.description("Committed changes of dynamic domains")
				.tag("operation", operation.tag)
				.register(this.meters)
				.increment();
			DomainEntry domain = change.domain();
			log.info("Domain {} {} (host type {}), event {}", domain.domain(), operation.done, domain.hostType(), change.eventId());
			this.nudges.nudge(change.eventId());
		}
		return change;
	}

	private void refuseStatic(String domain) {
		String hostType = this.staticDomains.get(domain);
		if (hostType != null) {
			throw refused(DomainError.STATIC_DOMAIN, domain + " is a static domain of the deployment and cannot be changed", domain,
					Map.of(DomainRefusedException.HOST_TYPE, hostType));
		}
	}

	private static String canonical(String name) {
		try {
			return DomainNames.canonical(name);
		}
		catch (InvalidDomainNameException ex) {
			throw new DomainRefusedException(DomainError.INVALID_DOMAIN_NAME, ex.getMessage(),
					Map.of(DomainRefusedException.DOMAIN, (name != null) ? name : ""));
		}
	}

	private static DomainRefusedException notFound(String domain) {
		return refused(DomainError.DOMAIN_NOT_FOUND, "no dynamic domain " + domain, domain, Map.of());
	}

	private static DomainRefusedException refused(DomainError error, String message, String domain, Map<String, String> more) {
		Map<String, String> metadata = new LinkedHashMap<>(more);
		metadata.put(DomainRefusedException.DOMAIN, domain);
		return new DomainRefusedException(error, message, metadata);
	}

	private static void requireNotNegative(String field, long value) {
		if (value < 0) {
			throw new DomainRefusedException(DomainError.INVALID_REQUEST, field + " must not be negative, was " + value, Map.of());
		}
	}

	private static int pageSize(String field, int asked) {
		requireNotNegative(field, asked);
		return (asked == 0) ? DEFAULT_PAGE_SIZE : Math.min(asked, MAX_PAGE_SIZE);
	}

	private enum Operation {

		ADD("add", "added"), REMOVE("remove", "removed"), ENABLE("enable", "enabled"), DISABLE("disable", "disabled");

		final String tag;

		final String done;

		Operation(String tag, String done) {
			this.tag = tag;
			this.done = done;
		}

	}

}
