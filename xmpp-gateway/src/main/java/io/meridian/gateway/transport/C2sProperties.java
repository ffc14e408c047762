package io.meridian.gateway.transport;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.meridian.gateway.stream.StartTlsPolicy;
import io.meridian.gateway.stream.StreamLimits;

/**
 * The client-to-server listeners: plain TCP with STARTTLS, and direct TLS (XEP-0368).
 *
 * @param bindAddress address to listen on
 * @param port STARTTLS port; 0 picks a free one (the bound port is logged and published)
 * @param directTlsPort direct TLS port; 0 picks a free one, -1 turns the listener off
 * @param startTls whether STARTTLS is required, optional or disabled on {@code port}
 * @param certfile PEM certificate chain; when absent a self-signed one is generated under the data dir
 * @param keyfile PEM private key (PKCS#8) of {@code certfile}
 * @param maxStanzaSize largest stanza accepted, in bytes
 * @param maxDepth deepest element nesting accepted, the stream element counting as 1
 * @param maxConnections open connections beyond which new ones are refused
 * @param idleTimeout a connection silent this long is closed with {@code connection-timeout}
 */
@ConfigurationProperties("meridian.c2s")
public record C2sProperties(@DefaultValue("0.0.0.0") String bindAddress, @DefaultValue("5222") int port,
		@DefaultValue("5223") int directTlsPort, @DefaultValue("required") StartTlsPolicy startTls, Path certfile, Path keyfile,
		@DefaultValue("65536") int maxStanzaSize, @DefaultValue("32") int maxDepth,
		@DefaultValue("100000") int maxConnections, @DefaultValue("10m") Duration idleTimeout) {

	public C2sProperties {
		if ((certfile == null) != (keyfile == null)) {
			throw new IllegalArgumentException("meridian.c2s.certfile and meridian.c2s.keyfile go together");
		}
	}

	public StreamLimits limits() {
		return new StreamLimits(this.maxStanzaSize, this.maxDepth);
	}

}
