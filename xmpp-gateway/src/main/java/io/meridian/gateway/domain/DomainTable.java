package io.meridian.gateway.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.meridian.gateway.stanza.Jid;

/**
 * This node's domains and their host types, as MongooseIM's {@code mongoose_domain_core}.
 * Static domains come from configuration, are locked and always win; dynamic ones are inserted
 * and removed at run time (from domain-service) and only with a host type allowed for them.
 * Reads are lock-free; writes to one domain are atomic.
 */
public final class DomainTable implements HostedDomains {

	/** Longest domain name, in octets of its ASCII form (RFC 1035 as RFC 7622 applies it). */
	static final int MAX_DOMAIN_LENGTH = 253;

	static final int MAX_LABEL_LENGTH = 63;

	private final Map<String, Entry> domains = new ConcurrentHashMap<>();

	private final Set<String> dynamicHostTypes;

	private final Set<String> hostTypes;

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * @param staticDomains locked domain → host type pairs; a host type here need not allow dynamic domains
	 * @param dynamicHostTypes the host types dynamic domains may use
	 */
	public DomainTable(Map<String, String> staticDomains, Collection<String> dynamicHostTypes) {
		this.dynamicHostTypes = Set.copyOf(dynamicHostTypes);
		Set<String> all = new LinkedHashSet<>(staticDomains.values());
		all.addAll(dynamicHostTypes);
		this.hostTypes = Set.copyOf(all);
		staticDomains.forEach((domain, hostType) -> this.domains.put(normalize(domain), new Entry(hostType, true)));
	}

	@Override
	public boolean isServed(String domain) {
		return domain != null && this.domains.containsKey(domain.toLowerCase(Locale.ROOT));
	}

	public Optional<String> hostType(String domain) {
		Entry entry = (domain != null) ? this.domains.get(domain.toLowerCase(Locale.ROOT)) : null;
		return Optional.ofNullable(entry).map(Entry::hostType);
	}

	public Set<String> domains(String hostType) {
		return this.domains.entrySet()
			.stream()
			.filter(e -> e.getValue().hostType().equals(hostType))
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The dynamic (not locked) domains now served. */
	public Set<String> dynamicDomains() {
		return this.domains.entrySet()
			.stream()
			.filter(e -> !e.getValue().locked())
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The host types given at start: those of the static domains and those allowed for dynamic ones. */
	public Set<String> hostTypes() {
		return this.hostTypes;
	}

	public boolean isLocked(String domain) {
		Entry entry = (domain != null) ? this.domains.get(domain.toLowerCase(Locale.ROOT)) : null;
		return entry != null && entry.locked();
	}

	/**
	 * Serves a dynamic domain. Inserting a pair already present changes nothing and succeeds.
	 *
	 * @throws DomainTableException when the name is invalid, the host type is not allowed for dynamic
	 * domains, or the domain is static or bound to another host type
	 */
	public void insert(String domain, String hostType) {
		String name = normalize(domain);
		if (!this.dynamicHostTypes.contains(hostType)) {
			throw new DomainTableException(DomainTableException.Reason.UNKNOWN_HOST_TYPE,
					"host type '" + hostType + "' does not allow dynamic domains; allowed: " + this.dynamicHostTypes);
		}
		boolean[] added = new boolean[1];
		this.domains.compute(name, (key, existing) -> {
			if (existing == null) {
				added[0] = true;
				return new Entry(hostType, false);
			}
			if (existing.locked()) {
				throw new DomainTableException(DomainTableException.Reason.LOCKED, "'" + name + "' is a static domain");
			}
			if (!existing.hostType().equals(hostType)) {
				throw new DomainTableException(DomainTableException.Reason.OTHER_HOST_TYPE,
						"'" + name + "' is already served with host type '" + existing.hostType() + "'");
			}
			return existing;
		});
		if (added[0]) {
			this.listeners.forEach(l -> l.domainAdded(name, hostType));
		}
	}

	/**
	 * Stops serving a dynamic domain; removing an absent one changes nothing and succeeds.
	 *
	 * @throws DomainTableException when the domain is static
	 */
	public void remove(String domain) {
		String name = domain.toLowerCase(Locale.ROOT);
		boolean[] removed = new boolean[1];
		this.domains.computeIfPresent(name, (key, existing) -> {
			if (existing.locked()) {
				throw new DomainTableException(DomainTableException.Reason.LOCKED, "'" + name + "' is a static domain");
			}
			removed[0] = true;
			return null;
		});
		if (removed[0]) {
			this.listeners.forEach(l -> l.domainRemoved(name));
		}
	}

	/** Told of every domain inserted or removed after it is added; static domains are never reported. */
	public void addListener(Listener listener) {
		this.listeners.add(listener);
	}

	/**
	 * A domain name as served: RFC 7622 domainpart rules through IDNA, lower case, no trailing
	 * dot, at most 253 octets in ASCII form and 63 per label; IP literals are not domains here.
	 */
	static String normalize(String domain) {
		String name;
		try {
			name = Jid.of(null, domain, null).domain();
		}
		catch (IllegalArgumentException ex) {
			throw new DomainTableException(DomainTableException.Reason.INVALID_NAME, ex.getMessage());
		}
		if (name.startsWith("[") || name.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
			throw new DomainTableException(DomainTableException.Reason.INVALID_NAME, "'" + domain + "' is an address, not a domain name");
		}
		String ascii = java.net.IDN.toASCII(name, java.net.IDN.USE_STD3_ASCII_RULES);
		if (ascii.length() > MAX_DOMAIN_LENGTH) {
			throw new DomainTableException(DomainTableException.Reason.INVALID_NAME,
					"'" + domain + "' is longer than " + MAX_DOMAIN_LENGTH + " octets");
		}
		for (String label : ascii.split("\\.", -1)) {
			if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
				throw new DomainTableException(DomainTableException.Reason.INVALID_NAME,
						"'" + domain + "' has an empty label or one longer than " + MAX_LABEL_LENGTH + " octets");
			}
		}
		return name;
	}

	private record Entry(String hostType, boolean locked) {
	}

	/** Follows the dynamic domains: ends their sessions, starts and stops their pools. */
	public interface Listener {

		void domainAdded(String domain, String hostType);

		void domainRemoved(String domain);

	}

}
