package io.meridian.admin;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What admin-api talks to and who may call it.
 *
 * @param gateway the gateway's admin gRPC API (accounts, sessions, stanzas)
 * @param domainService domain-service's gRPC API (dynamic domains)
 * @param users the operators allowed in, with their role; nobody else is
 */
@ConfigurationProperties("meridian.admin")
public record AdminProperties(Backend gateway, Backend domainService, @DefaultValue List<User> users) {

	/** The gateway's gRPC port as {@code spring.grpc.server.port} sets it by default. */
	public static final String DEFAULT_GATEWAY_ADDRESS = "127.0.0.1:9201";

	/** domain-service's gRPC port as it sets it by default. */
	public static final String DEFAULT_DOMAIN_SERVICE_ADDRESS = "127.0.0.1:9202";

	static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

	public AdminProperties {
		gateway = Backend.withDefaults(gateway, DEFAULT_GATEWAY_ADDRESS);
		domainService = Backend.withDefaults(domainService, DEFAULT_DOMAIN_SERVICE_ADDRESS);
		users = List.copyOf(users);
	}

	/**
	 * A service reached over gRPC (plaintext).
	 *
	 * @param address {@code host:port}, {@code static://host:port}, or any gRPC target URI such
	 *                as {@code dns:///gateway.meridian.svc:9201}
	 * @param deadline how long one call may take before the caller gets 504
	 */
	public record Backend(String address, Duration deadline) {

		static Backend withDefaults(Backend given, String address) {
			if (given == null) {
				return new Backend(address, DEFAULT_DEADLINE);
			}
			return new Backend((given.address() == null || given.address().isBlank()) ? address : given.address().trim(),
					(given.deadline() == null) ? DEFAULT_DEADLINE : given.deadline());
		}

	}

	/**
	 * An operator.
	 *
	 * @param name the HTTP Basic user name
	 * @param password the password hash with its scheme, {@code {bcrypt}$2a$10$...};
	 *                 {@code {noop}secret} is accepted with a warning at start
	 * @param role {@code admin} (read and write) or {@code readonly} (GET only)
	 * @param domains when not empty, the only XMPP domains this operator may see or change
	 */
	public record User(String name, String password, String role, @DefaultValue List<String> domains) {

		public User {
			domains = (domains != null) ? List.copyOf(domains) : List.of();
		}

	}

}
