package io.meridian.pool;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for TLS tests: it issues server and client certificates
 * for given names and writes them as the PEM files that {@link TlsOptions} reads.
 */
final class TestPki {

	private final Path dir;

	private final String name;

	private final KeyPair caKeys;

	private final X509Certificate ca;

	/** A certificate with its key, as objects and as PEM files. */
	record Issued(X509Certificate certificate, PrivateKey key, Path certfile, Path keyfile) {
	}

	private TestPki(Path dir, String name) throws GeneralSecurityException, IOException {
		this.dir = dir;
		this.name = name;
		this.caKeys = keyPair();
		this.ca = certificate(new X500Name("CN=" + name), this.caKeys, new X500Name("CN=" + name), this.caKeys.getPrivate(), List.of(),
				true);
		write(dir.resolve(name + "-ca.crt"), this.ca);
	}

	static TestPki create(Path dir, String name) throws GeneralSecurityException, IOException {
		return new TestPki(dir, name);
	}

	/** PEM file of this authority's certificate, for {@code cacertfile}. */
	Path caFile() {
		return this.dir.resolve(this.name + "-ca.crt");
	}

	X509Certificate caCertificate() {
		return this.ca;
	}

	/** A certificate signed by this authority for the DNS names given, the first also its CN. */
	Issued issue(String... names) throws GeneralSecurityException, IOException {
		KeyPair keys = keyPair();
		X509Certificate certificate = certificate(new X500Name("CN=" + names[0]), keys, new X500Name("CN=" + this.name),
				this.caKeys.getPrivate(), List.of(names), false);
		return written(names[0], certificate, keys.getPrivate());
	}

	/** A certificate that signed itself, for the DNS names given. */
	Issued selfSigned(String... names) throws GeneralSecurityException, IOException {
		KeyPair keys = keyPair();
		X500Name subject = new X500Name("CN=" + names[0]);
		X509Certificate certificate = certificate(subject, keys, subject, keys.getPrivate(), List.of(names), false);
		return written(names[0] + "-self", certificate, keys.getPrivate());
	}

	/** Writes the key again, encrypted with the password (PKCS#8, AES-256). */
	Path encryptedKey(Issued issued, String password) throws GeneralSecurityException, IOException {
		try {
			OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
				.setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
				.setPassword(password.toCharArray())
				.build();
			Path file = Files.createTempFile(this.dir, "encrypted-", ".key");
			try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
				pem.writeObject(new JcaPKCS8Generator(issued.key(), encryptor));
			}
			return file;
		}
		catch (org.bouncycastle.operator.OperatorCreationException ex) {
			throw new GeneralSecurityException(ex);
		}
	}

	/** A server-side context presenting {@code server}, asking for client certificates issued by {@code clients} when given. */
	static SSLContext serverContext(Issued server, TestPki clients) throws GeneralSecurityException, IOException {
		KeyStore keys = KeyStore.getInstance("PKCS12");
		keys.load(null, null);
		keys.setKeyEntry("server", server.key(), new char[0], new X509Certificate[] { server.certificate() });
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, new char[0]);
		TrustManagerFactory trustManagers = null;
		if (clients != null) {
			KeyStore trusted = KeyStore.getInstance("PKCS12");
			trusted.load(null, null);
			trusted.setCertificateEntry("clients", clients.caCertificate());
			trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trusted);
		}
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), (trustManagers != null) ? trustManagers.getTrustManagers() : null, null);
		return context;
	}

	private Issued written(String fileName, X509Certificate certificate, PrivateKey key) throws IOException {
		Path certfile = this.dir.resolve(fileName + ".crt");
		Path keyfile = this.dir.resolve(fileName + ".key");
		write(certfile, certificate);
		write(keyfile, key);
		return new Issued(certificate, key, certfile, keyfile);
	}

	private static KeyPair keyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	private static X509Certificate certificate(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey signer,
			List<String> dnsNames, boolean ca) throws GeneralSecurityException, IOException {
		Instant now = Instant.now();
		var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject, keys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
		if (!dnsNames.isEmpty()) {
			GeneralName[] names = dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
			builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
		}
		try {
			return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
		}
		catch (org.bouncycastle.operator.OperatorCreationException ex) {
			throw new GeneralSecurityException(ex);
		}
	}

	private static void write(Path file, Object object) throws IOException {
		try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
			pem.writeObject((object instanceof PrivateKey key) ? new JcaPKCS8Generator(key, null) : object);
		}
	}

}
