package io.meridian.pool;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.ssl.pem.PemContent;

/**
 * TLS to a pool's server, as MongooseIM's outgoing {@code tls} options. Shared by every pool
 * type that speaks TLS; each turns it into its client's own settings through
 * {@link #sslContext()} and {@link #sslParameters(String)}.
 *
 * @param verifyMode {@code peer} (default: the chain must lead to a trusted CA and the certificate must
 * name the host), {@code selfsigned-peer} (as peer, but a self-signed certificate is also accepted) or
 * {@code none} (no check at all; for tests only)
 * @param cacertfile PEM file of the CAs trusted for verification; the JVM's trust store when absent
 * @param certfile PEM file of the client certificate (chain), for servers that ask for one; needs {@code keyfile}
 * @param keyfile PEM file of the client certificate's private key; needs {@code certfile}
 * @param password password of an encrypted {@code keyfile}; never logged
 * @param serverNameIndication whether the host name is sent in the TLS handshake (SNI)
 * @param serverName the name to send and verify instead of the connected host, when they differ
 * @param versions TLS versions offered; {@code TLSv1.3} and {@code TLSv1.2} by default, nothing older accepted
 * @param ciphers cipher suites offered, in the JVM's names; the JVM's defaults when absent
 */
public record TlsOptions(@DefaultValue("peer") VerifyMode verifyMode, String cacertfile, String certfile, String keyfile,
		String password, @DefaultValue("true") boolean serverNameIndication, String serverName, List<String> versions,
		List<String> ciphers) {

	static final List<String> DEFAULT_VERSIONS = List.of("TLSv1.3", "TLSv1.2");

	public TlsOptions {
		verifyMode = (verifyMode != null) ? verifyMode : VerifyMode.PEER;
		requireReadable("cacertfile", cacertfile);
		requireReadable("certfile", certfile);
		requireReadable("keyfile", keyfile);
		if ((certfile == null) != (keyfile == null)) {
			throw new IllegalArgumentException("certfile and keyfile go together: give both or neither");
		}
		versions = (versions == null || versions.isEmpty()) ? DEFAULT_VERSIONS : List.copyOf(versions);
		for (String version : versions) {
			if (!DEFAULT_VERSIONS.contains(version)) {
				throw new IllegalArgumentException("versions: '" + version + "' is not allowed, use TLSv1.3 and/or TLSv1.2");
			}
		}
		ciphers = (ciphers != null) ? List.copyOf(ciphers) : List.of();
	}

	/** Verified TLS with the JVM's trust store and no client certificate. */
	public static TlsOptions defaults() {
		return new TlsOptions(VerifyMode.PEER, null, null, null, null, true, null, null, null);
	}

	private static void requireReadable(String key, String file) {
		if (file != null && !Files.isReadable(Path.of(file))) {
			throw new IllegalArgumentException(key + " '" + file + "' is not a readable file");
		}
	}

	/** An SSL context with this entry's trust and client certificate. */
	public SSLContext sslContext() {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers(), new TrustManager[] { trustManager() }, null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Handshake parameters for a connection to {@code host}: versions, ciphers, SNI and, for
	 * {@code peer}, host name verification.
	 */
	public SSLParameters sslParameters(String host) {
		SSLParameters parameters = new SSLParameters();
		parameters.setProtocols(this.versions.toArray(String[]::new));
		if (!this.ciphers.isEmpty()) {
			parameters.setCipherSuites(this.ciphers.toArray(String[]::new));
		}
		String name = expectedName(host);
		// An empty list, not null: with null the JDK sends the host name on its own.
		parameters.setServerNames((this.serverNameIndication && name != null && isHostName(name))
				? List.of(new SNIHostName(name)) : List.of());
		if (this.verifyMode != VerifyMode.NONE) {
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
		}
		return parameters;
	}

	/** Applies {@link #sslParameters(String)} to an engine some client library made itself. */
	public void configure(SSLEngine engine, String host) {
		SSLParameters parameters = sslParameters(host);
		parameters.setCipherSuites((parameters.getCipherSuites() != null) ? parameters.getCipherSuites()
				: engine.getSSLParameters().getCipherSuites());
		engine.setSSLParameters(parameters);
	}

	/** The name the certificate must carry: {@code server-name} when given, else the host connected to. */
	public String expectedName(String host) {
		return (this.serverName != null) ? this.serverName : host;
	}

	private static boolean isHostName(String name) {
		return !name.isEmpty() && !name.contains(":") && !name.chars().allMatch(c -> Character.isDigit(c) || c == '.');
	}

	/**
	 * The client certificate's key managers, or null without {@code certfile}; for clients that
	 * build their own context from managers (Lettuce's Netty {@code SslContextBuilder}).
	 */
	KeyManager[] keyManagers() throws GeneralSecurityException, IOException {
		if (this.certfile == null) {
			return null;
		}
		List<X509Certificate> chain = PemContent.load(Path.of(this.certfile)).getCertificates();
		PrivateKey key = PemContent.load(Path.of(this.keyfile)).getPrivateKey(this.password);
		if (key == null) {
			throw new IllegalStateException("keyfile '" + this.keyfile + "' holds no private key");
		}
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		store.setKeyEntry("client", key, new char[0], chain.toArray(X509Certificate[]::new));
		KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		factory.init(store, new char[0]);
		return factory.getKeyManagers();
	}

	/** The trust manager for {@code verify-mode}; for clients that build their own context from managers. */
	X509TrustManager trustManager() throws GeneralSecurityException, IOException {
		if (this.verifyMode == VerifyMode.NONE) {
			return TrustAll.INSTANCE;
		}
		KeyStore store = null;
		if (this.cacertfile != null) {
			store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int index = 0;
			for (X509Certificate ca : PemContent.load(Path.of(this.cacertfile)).getCertificates()) {
				store.setCertificateEntry("ca-" + index++, ca);
			}
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(store);
		X509TrustManager trusted = (X509TrustManager) factory.getTrustManagers()[0];
		return (this.verifyMode == VerifyMode.SELFSIGNED_PEER) ? new SelfSignedAllowed(trusted) : trusted;
	}

	/** Hides the key password, since options end up in log lines and failure messages. */
	@Override
	public String toString() {
		return "TlsOptions[verifyMode=" + this.verifyMode + ", cacertfile=" + this.cacertfile + ", certfile=" + this.certfile
				+ ", keyfile=" + this.keyfile + ", password=" + ((this.password != null) ? "******" : null)
				+ ", serverNameIndication=" + this.serverNameIndication + ", serverName=" + this.serverName + ", versions="
				+ this.versions + ", ciphers=" + this.ciphers + "]";
	}

	/** How the server's certificate is checked. */
	public enum VerifyMode {

		PEER, SELFSIGNED_PEER, NONE

	}

	/**
	 * {@code verify-mode: none}. An extended trust manager, because the JDK adds its own host
	 * name check around a plain one whenever the client asks for it (JNDI always does).
	 */
	private static final class TrustAll extends X509ExtendedTrustManager {

		static final TrustAll INSTANCE = new TrustAll();

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

	/** {@code verify-mode: selfsigned-peer}: a trusted chain, or one certificate that signed itself. */
	private record SelfSignedAllowed(X509TrustManager trusted) implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			this.trusted.checkClientTrusted(chain, authType);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			try {
				this.trusted.checkServerTrusted(chain, authType);
			}
			catch (CertificateException untrusted) {
				if (chain.length != 1 || !isSelfSigned(chain[0])) {
					throw untrusted;
				}
				chain[0].checkValidity();
			}
		}

		private static boolean isSelfSigned(X509Certificate certificate) {
			try {
				certificate.verify(certificate.getPublicKey());
				return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
			}
			catch (GeneralSecurityException ex) {
				return false;
			}
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return this.trusted.getAcceptedIssuers();
		}

	}

}
