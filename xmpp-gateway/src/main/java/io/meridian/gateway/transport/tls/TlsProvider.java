package io.meridian.gateway.transport.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;

/** The TLS engine of the client listeners ({@code meridian.c2s.tls-provider}). */
public enum TlsProvider {

	/** BoringSSL where it loads on this platform, the JDK's engine otherwise. */
	AUTO,

	/** BoringSSL (netty-tcnative): handshakes and record encryption in native code; start-up fails where it does not load. */
	OPENSSL,

	/** The JDK's own TLS engine (JSSE). */
	JDK;

	/** The engine to build contexts with; with {@code openssl} where BoringSSL does not load, an error that says why. */
	public SslProvider resolve() {
		return switch (this) {
			case JDK -> SslProvider.JDK;
			case AUTO -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
			case OPENSSL -> {
				if (!OpenSsl.isAvailable()) {
					throw new IllegalStateException("meridian.c2s.tls-provider=openssl, but BoringSSL does not load on this platform ("
							+ OpenSsl.unavailabilityCause() + "); use auto or jdk");
				}
				yield SslProvider.OPENSSL;
			}
		};
	}

	/** For the start-up log: {@code BoringSSL 1.1.1 (compatible; BoringSSL)} or {@code JDK}. */
	public static String describe(SslProvider provider) {
		return (provider == SslProvider.JDK) ? "JDK (" + Runtime.version() + ")" : OpenSsl.versionString();
	}

}
