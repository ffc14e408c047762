package io.meridian.gateway.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * The channel binding SCRAM's -PLUS mechanisms prove the client saw: RFC 5929's
 * {@code tls-server-end-point}, the hash of the certificate this server presented. A client
 * behind a man in the middle sees another certificate, so its proof fails. It works on TLS 1.2
 * and 1.3 alike, which {@code tls-unique} does not.
 *
 * @param type the channel binding type, as named in the gs2 header
 * @param data what the client must send after the gs2 header
 */
public record ChannelBinding(String type, byte[] data) {

	public static final String TLS_SERVER_END_POINT = "tls-server-end-point";

	/** RFC 5929 §4.1: the certificate's own signature hash, SHA-256 when that is MD5 or SHA-1. */
	public static ChannelBinding tlsServerEndPoint(X509Certificate certificate) {
		String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
		int with = algorithm.indexOf("WITH");
		String hash = (with > 0) ? algorithm.substring(0, with) : "SHA256";
		hash = switch (hash) {
			case "MD5", "SHA1", "SHA256" -> "SHA-256";
			case "SHA384" -> "SHA-384";
			case "SHA512" -> "SHA-512";
			default -> "SHA-256";
		};
		try {
			return new ChannelBinding(TLS_SERVER_END_POINT, MessageDigest.getInstance(hash).digest(certificate.getEncoded()));
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new IllegalStateException("cannot hash the server certificate for channel binding", ex);
		}
	}

}
