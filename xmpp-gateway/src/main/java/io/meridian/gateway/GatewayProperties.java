package io.meridian.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What this gateway serves and where it keeps local files.
 *
 * @param hosts the static XMPP domains; they are locked and always served, each its own host type
 * @param hostTypes the host types dynamic domains (from domain-service) may have; none by default
 * @param dataDir local files: the standalone database, a generated TLS certificate
 * @param registration the domains where clients may create accounts in band (XEP-0077); none by default
 * @param domainService where the dynamic domains come from; none by default (static domains only)
 */
@ConfigurationProperties("meridian")
public record GatewayProperties(@DefaultValue("localhost") List<String> hosts, @DefaultValue List<String> hostTypes,
		@DefaultValue("./data") Path dataDir, @DefaultValue Registration registration, @DefaultValue DomainService domainService) {

	/**
	 * The domain-service this node follows.
	 *
	 * @param address {@code host:port} of its gRPC API; the node serves only its static domains when empty
	 * @param pollInterval how often the event log is read when no nudge came
	 * @param gapTimeout how long a missing event id is waited for before it counts as rolled back
	 * @param deadline how long one call to domain-service may take
	 * @param nudgeChannel the Redis pub/sub channel domain-service nudges on, through the global redis pool when there is one
	 */
	public record DomainService(String address, @DefaultValue("5s") Duration pollInterval, @DefaultValue("30s") Duration gapTimeout,
			@DefaultValue("5s") Duration deadline, @DefaultValue("meridian:domains") String nudgeChannel) {
	}

	/**
	 * In-band registration.
	 *
	 * @param domains served domains open to registration, password change and account removal
	 */
	public record Registration(@DefaultValue List<String> domains) {
	}

}
