package io.meridian.gateway.modules.version;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Software version (XEP-0092).
 *
 * @param showOs whether the answer names the operating system; off by default, as in Prosody, so
 * that anyone with an account cannot learn what the host runs
 */
@ConfigurationProperties("meridian.version")
public record VersionProperties(@DefaultValue("false") boolean showOs) {
}
