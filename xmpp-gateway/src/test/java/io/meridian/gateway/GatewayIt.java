package io.meridian.gateway;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;

/**
 * What the gateway's tests against real servers share: accounts in the real PostgreSQL, a
 * fresh data dir per test class, and Smack clients that trust the certificate the gateway
 * generated there.
 */
final class GatewayIt {

	private GatewayIt() {
	}

	/**
	 * A fresh data dir under {@code target}, emptied once per test class (call it from a static
	 * field): the certificate the gateway generates there must name this run's domains.
	 */
	static Path dataDir(String name) {
		Path data = Path.of(".", "target", name);
		FileSystemUtils.deleteRecursively(data.toFile());
		return data;
	}

	/** The global rdbms pool on the real PostgreSQL, and the data dir. */
	static void postgres(DynamicPropertyRegistry registry, Path data) {
		Endpoint pg = RealServers.locate(RealServer.POSTGRES);
		registry.add("meridian.data-dir", data::toString);
		registry.add("meridian.outgoing-pools[0].type", () -> "rdbms");
		registry.add("meridian.outgoing-pools[0].connection.driver", () -> "pgsql");
		registry.add("meridian.outgoing-pools[0].connection.host", pg::host);
		registry.add("meridian.outgoing-pools[0].connection.port", pg::port);
		registry.add("meridian.outgoing-pools[0].connection.database", () -> "test");
		registry.add("meridian.outgoing-pools[0].connection.username", () -> "postgres");
	}

	/** A Smack client of {@code localhost} on 127.0.0.1, STARTTLS required, no initial presence. */
	static XMPPTCPConnectionConfiguration.Builder smack(Path data, int port, String user, String password, String mechanism)
			throws Exception {
		SASLAuthentication.unBlacklistSASLMechanism("PLAIN");
		return XMPPTCPConnectionConfiguration.builder()
			.setXmppDomain("localhost")
			.setHost("127.0.0.1")
			.setPort(port)
			.setSecurityMode(SecurityMode.required)
			.setCustomX509TrustManager(trustManager(data))
			.setUsernameAndPassword(user, password)
			.addEnabledSaslMechanism(mechanism)
			.setSendPresence(false);
	}

	/** Trusts exactly the certificate the gateway generated for itself. */
	static X509TrustManager trustManager(Path data) throws Exception {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		try (InputStream in = Files.newInputStream(data.resolve("tls/server.crt"))) {
			store.setCertificateEntry("meridian", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(store);
		return (X509TrustManager) tmf.getTrustManagers()[0];
	}

}
