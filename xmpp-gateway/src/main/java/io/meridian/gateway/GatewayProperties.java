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
 * @param registration the domains where clients may create accounts in band (XEP-0077); none by default
 */
@ConfigurationProperties("meridian")
public record GatewayProperties(@DefaultValue("localhost") List<String> hosts, @DefaultValue("./data") Path dataDir,
		@DefaultValue Registration registration) {

	/**
	 * In-band registration.
	 *
	 * @param domains served domains open to registration, password change and account removal
	 */
	public record Registration(@DefaultValue List<String> domains) {
	}

}
