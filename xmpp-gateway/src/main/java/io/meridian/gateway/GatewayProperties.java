package io.meridian.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What this gateway serves.
 *
 * @param hosts the static XMPP domains; they are locked and always served
 */
@ConfigurationProperties("meridian")
public record GatewayProperties(@DefaultValue("localhost") List<String> hosts) {
}
