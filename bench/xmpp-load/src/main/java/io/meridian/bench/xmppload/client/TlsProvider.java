package io.meridian.bench.xmppload.client;

import java.util.Locale;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;

/**
 * The TLS engine of the tool and the relay: BoringSSL (netty-tcnative) where it loads, the JDK's
 * otherwise. With the JDK's engine the client side of the handshakes is most of what a login
 * costs the tool, and caps the login rate it can offer on one core.
 */
public final class TlsProvider {

	private TlsProvider() {
	}

	/** {@code openssl}, {@code jdk}, or null for OpenSSL when it is available and the JDK otherwise. */
	public static SslProvider named(String name) {
		if (name == null) {
			return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
		}
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "jdk" -> SslProvider.JDK;
			case "openssl" -> {
				if (!OpenSsl.isAvailable()) {
					throw new IllegalArgumentException("--tls-provider openssl: BoringSSL does not load here: " + OpenSsl.unavailabilityCause());
				}
				yield SslProvider.OPENSSL;
			}
			default -> throw new IllegalArgumentException("--tls-provider must be openssl or jdk, not " + name);
		};
	}

}
