package io.meridian.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication.
 *
 * @param scramIterations PBKDF2 iterations for new SCRAM credentials (existing ones keep theirs)
 */
@ConfigurationProperties("meridian.auth")
public record AuthProperties(@DefaultValue("4096") int scramIterations) {

	public AuthProperties {
		if (scramIterations < 4096) {
			throw new IllegalArgumentException("meridian.auth.scram-iterations must be at least 4096 (RFC 7677), was " + scramIterations);
		}
	}

}
