package io.meridian.gateway;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What this gateway serves and where it keeps local files.
 *
 * @param hosts the static XMPP domains; they are locked and always served
 * @param dataDir local files: the standalone database, a generated TLS certificate
 */
@ConfigurationProperties("meridian")
public record GatewayProperties(@DefaultValue("localhost") List<String> hosts, @DefaultValue("./data") Path dataDir) {
}
