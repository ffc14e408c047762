package io.meridian.gateway.transport.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProtocols;
import io.netty.handler.ssl.SslProvider;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS context: TLS 1.3 and 1.2 only, certificate chain and key from PEM files.
 * Where none are configured (the standalone profile), a self-signed certificate for the served
 * domains is generated once and kept, so clients can pin it across restarts.
 */
public final class ServerCertificates {

	private static final Logger log = LoggerFactory.getLogger(ServerCertificates.class);

	private ServerCertificates() {
	}

	/**
	 * Certificate and key are read with the JDK's own providers: with another provider first in
	 * the JVM's list (BouncyCastle, put there by some libraries), keys would report algorithm
	 * names JSSE does not look for, and every handshake would fail.
	 */
	public static SslContext serverContext(Path certfile, Path keyfile, TlsProvider provider) {
		try {
			List<X509Certificate> chain;
			try (InputStream in = Files.newInputStream(certfile)) {
				chain = CertificateFactory.getInstance("X.509", "SUN").generateCertificates(in).stream().map(X509Certificate.class::cast).toList();
			}
			if (chain.isEmpty()) {
				throw new IllegalArgumentException("no certificate in " + certfile);
			}
			SslProvider engine = provider.resolve();
			SslContext context = SslContextBuilder.forServer(privateKey(keyfile), chain)
				.sslProvider(engine)
				.protocols(SslProtocols.TLS_v1_3, SslProtocols.TLS_v1_2)
				.build();
			log.info("TLS for client connections: {}, certificate {}", TlsProvider.describe(engine), certfile);
			return context;
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot load the TLS certificate " + certfile + " and key " + keyfile + ": " + ex.getMessage(), ex);
		}
	}

	/** A PKCS#8 PEM key ({@code BEGIN PRIVATE KEY}): EC, RSA or EdDSA. */
	static PrivateKey privateKey(Path keyfile) throws IOException, GeneralSecurityException {
		String pem = Files.readString(keyfile);
		int begin = pem.indexOf(PKCS8_BEGIN);
		int end = pem.indexOf(PKCS8_END);
		if (begin < 0 || end < begin) {
			throw new IllegalArgumentException(keyfile + " holds no PKCS#8 key ('" + PKCS8_BEGIN + "'); convert it with "
					+ "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem'");
		}
		byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PKCS8_BEGIN.length(), end));
		for (String[] algorithm : JDK_KEY_FACTORIES) {
			try {
				return KeyFactory.getInstance(algorithm[0], algorithm[1]).generatePrivate(new PKCS8EncodedKeySpec(der));
			}
			catch (InvalidKeySpecException ex) {
				// Not this algorithm: try the next.
			}
		}
		throw new IllegalArgumentException(keyfile + " holds a key that is not EC, RSA or EdDSA");
	}

	private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String PKCS8_END = "-----END PRIVATE KEY-----";

	private static final String[][] JDK_KEY_FACTORIES = { { "EC", "SunEC" }, { "RSA", "SunRsaSign" }, { "EdDSA", "SunEC" } };

	/** Returns {@code dir/server.crt} and {@code dir/server.key}, generating them first if missing. */
	public static Path[] selfSigned(Path dir, List<String> domains) {
		Path cert = dir.resolve("server.crt");
		Path key = dir.resolve("server.key");
		if (Files.exists(cert) && Files.exists(key)) {
			return new Path[] { cert, key };
		}
		try {
			Files.createDirectories(dir);
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(256);
			KeyPair pair = generator.generateKeyPair();
			X500Name subject = new X500Name("CN=" + domains.getFirst());
			Instant now = Instant.now();
			GeneralName[] names = domains.stream().map(d -> new GeneralName(GeneralName.dNSName, d)).toArray(GeneralName[]::new);
			var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
					Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic())
				.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
			var certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
			writePem(cert, certificate);
			writePem(key, new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(pair.getPrivate(), null).generate());
			Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
			log.info("Generated a self-signed certificate for {} in {}", domains, dir);
			return new Path[] { cert, key };
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the self-signed certificate under " + dir, ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot generate a self-signed certificate", ex);
		}
	}

	private static void writePem(Path file, Object object) throws IOException {
		try (Writer writer = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
			pem.writeObject(object);
		}
	}

}
