package io.meridian.gateway.transport;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.meridian.gateway.stream.StreamLimits;

/**
 * The client-to-server listener.
 *
 * @param bindAddress address to listen on
 * @param port TCP port; 0 picks a free one (the bound port is logged and published)
 * @param maxStanzaSize largest stanza accepted, in bytes
 * @param maxDepth deepest element nesting accepted, the stream element counting as 1
 * @param maxConnections open connections beyond which new ones are refused
 * @param idleTimeout a connection silent this long is closed with {@code connection-timeout}
 */
@ConfigurationProperties("meridian.c2s")
public record C2sProperties(@DefaultValue("0.0.0.0") String bindAddress, @DefaultValue("5222") int port,
		@DefaultValue("65536") int maxStanzaSize, @DefaultValue("32") int maxDepth,
		@DefaultValue("100000") int maxConnections, @DefaultValue("10m") Duration idleTimeout) {

	public StreamLimits limits() {
		return new StreamLimits(this.maxStanzaSize, this.maxDepth);
	}

}
