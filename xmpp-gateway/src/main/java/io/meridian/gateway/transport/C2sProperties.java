package io.meridian.gateway.transport;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import io.meridian.gateway.stream.StartTlsPolicy;
import io.meridian.gateway.stream.StreamLimits;
import io.meridian.gateway.stream.StreamRates;
import io.meridian.gateway.transport.tls.TlsProvider;

/**
 * The client-to-server listeners: plain TCP with STARTTLS, and direct TLS (XEP-0368).
 *
 * @param bindAddress address to listen on
 * @param port STARTTLS port; 0 picks a free one (the bound port is logged and published)
 * @param directTlsPort direct TLS port; 0 picks a free one, -1 turns the listener off
 * @param startTls whether STARTTLS is required, optional or disabled on {@code port}
 * @param certfile PEM certificate chain; when absent a self-signed one is generated under the data dir
 * @param keyfile PEM private key (PKCS#8) of {@code certfile}
 * @param tlsProvider the TLS engine: BoringSSL where it loads ({@code auto}), {@code openssl} or {@code jdk}
 * @param maxStanzaSize largest stanza accepted, in bytes
 * @param maxDepth deepest element nesting accepted, the stream element counting as 1
 * @param maxConnections open connections beyond which new ones are refused
 * @param idleTimeout a connection silent this long is closed with {@code connection-timeout}
 * @param limits how fast one connection may send, on both listeners
 * @param eventLoops threads serving the connections of both listeners; 0 for one a core
 * @param blockingThreads threads that run the stanzas of bound sessions that wait on the database (rosters,
 * vCards, private XML, offline messages, presence broadcasts) off the event loops
 */
@ConfigurationProperties("meridian.c2s")
public record C2sProperties(@DefaultValue("0.0.0.0") String bindAddress, @DefaultValue("5222") int port,
		@DefaultValue("5223") int directTlsPort, @DefaultValue("required") StartTlsPolicy startTls, Path certfile, Path keyfile,
		@DefaultValue("auto") TlsProvider tlsProvider, @DefaultValue("65536") int maxStanzaSize, @DefaultValue("32") int maxDepth,
		@DefaultValue("100000") int maxConnections, @DefaultValue("10m") Duration idleTimeout, @DefaultValue Limits limits,
		@DefaultValue("0") int eventLoops, @DefaultValue("8") int blockingThreads) {

	public C2sProperties {
		if (eventLoops < 0) {
			throw new IllegalArgumentException("meridian.c2s.event-loops must be 0 (one a core) or more, was " + eventLoops);
		}
		if ((certfile == null) != (keyfile == null)) {
			throw new IllegalArgumentException("meridian.c2s.certfile and meridian.c2s.keyfile go together");
		}
	}

	/** The event loop threads to start: as configured, else one a core the JVM may use. */
	public int eventLoopThreads() {
		return (this.eventLoops > 0) ? this.eventLoops : Runtime.getRuntime().availableProcessors();
	}

	public StreamLimits streamLimits() {
		return new StreamLimits(this.maxStanzaSize, this.maxDepth);
	}

	/**
	 * Rates of an authenticated stream: bytes are shaped (reading pauses, nothing is dropped),
	 * stanzas over their ceiling end the stream with {@code policy-violation}.
	 *
	 * @param rate bytes a second
	 * @param burst bytes at once after a quiet spell
	 * @param stanzaRate stanzas a second, the flood ceiling
	 * @param stanzaBurst stanzas at once
	 * @param preAuth the lower rates of a stream that has not authenticated yet
	 */
	public record Limits(@DefaultValue("1MB") DataSize rate, @DefaultValue("1MB") DataSize burst, @DefaultValue("500") int stanzaRate,
			@DefaultValue("1000") int stanzaBurst, @DefaultValue PreAuth preAuth) {

		public StreamRates authenticated() {
			return new StreamRates(this.rate.toBytes(), this.burst.toBytes(), this.stanzaRate, this.stanzaBurst);
		}

	}

	/**
	 * Rates before authentication: a client sends a few small elements then (header, STARTTLS,
	 * SASL, registration), so anything faster is not a client logging in.
	 *
	 * @param rate bytes a second
	 * @param burst bytes at once
	 * @param stanzaRate elements a second
	 * @param stanzaBurst elements at once
	 */
	public record PreAuth(@DefaultValue("16KB") DataSize rate, @DefaultValue("64KB") DataSize burst, @DefaultValue("10") int stanzaRate,
			@DefaultValue("20") int stanzaBurst) {

		public StreamRates rates() {
			return new StreamRates(this.rate.toBytes(), this.burst.toBytes(), this.stanzaRate, this.stanzaBurst);
		}

	}

}
