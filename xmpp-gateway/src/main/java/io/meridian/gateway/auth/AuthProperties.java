package io.meridian.gateway.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication.
 *
 * @param scramIterations PBKDF2 iterations for new SCRAM credentials (existing ones keep theirs)
 * @param maxFailures authentication failures from one address after which it is refused
 * @param failureWindow how long a failure counts, from the address's last one; a refused address
 * is accepted again this long after its last failure
 * @param threads threads that run authentication (credential lookups, key derivation) off the event loops
 */
@ConfigurationProperties("meridian.auth")
public record AuthProperties(@DefaultValue("4096") int scramIterations, @DefaultValue("5") int maxFailures,
		@DefaultValue("60s") Duration failureWindow, @DefaultValue("4") int threads) {

	public AuthProperties {
		if (scramIterations < 4096) {
			throw new IllegalArgumentException("meridian.auth.scram-iterations must be at least 4096 (RFC 7677), was " + scramIterations);
		}
		if (maxFailures < 1 || !failureWindow.isPositive()) {
			throw new IllegalArgumentException("meridian.auth.max-failures and failure-window must be positive, were " + maxFailures
					+ " and " + failureWindow);
		}
	}

}
