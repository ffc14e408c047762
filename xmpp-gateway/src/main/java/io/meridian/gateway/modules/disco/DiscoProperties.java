package io.meridian.gateway.modules.disco;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service discovery (XEP-0030).
 *
 * @param name the name of the server's {@code server/im} identity, shown by clients' service browsers
 */
@ConfigurationProperties("meridian.disco")
public record DiscoProperties(@DefaultValue("Meridian") String name) {
}
