package io.meridian.pool;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * redis pools over TLS: a TLS-terminating proxy with test certificates in front of the real
 * Redis checks what the pool's handshake offers, as a Redis with {@code tls-port} would.
 */
class RedisTlsIT {

	private static final Endpoint redis = RealServers.locate(RealServer.REDIS);

	@TempDir
	static Path dir;

	private static TestPki serverCa;

	private static TestPki clientCa;

	private static TestPki.Issued localhost;

	private static TestPki.Issued elsewhere;

	private static TestPki.Issued selfSigned;

	private static TestPki.Issued client;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class));

	private final String tag = "tls-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void issueCertificates() throws Exception {
		serverCa = TestPki.create(dir, "servers");
		clientCa = TestPki.create(dir, "clients");
		localhost = serverCa.issue("localhost");
		elsewhere = serverCa.issue("cache.example");
		selfSigned = serverCa.selfSigned("localhost");
		client = clientCa.issue("meridian-node-1");
	}

	@Test
	void thePeerIsVerifiedAgainstTheConfiguredCaAndNamedInTheHandshake() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.tls(redis, TestPki.serverContext(localhost, null), false)) {
			answersPing(proxy, "connection.tls.verify-mode=peer", "connection.tls.cacertfile=" + serverCa.caFile());
			assertThat(proxy.handshakes()).isNotEmpty().allSatisfy(handshake -> {
				assertThat(handshake.serverName()).isEqualTo("localhost");
				assertThat(handshake.protocol()).isEqualTo("TLSv1.3");
			});
		}
	}

	@Test
	void aCertificateForAnotherNameIsRefused() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.tls(redis, TestPki.serverContext(elsewhere, null), false)) {
			refused(proxy, "No subject alternative DNS name matching localhost", "connection.tls.cacertfile=" + serverCa.caFile());
		}
	}

	@Test
	void serverNameIsTheNameSentAndChecked() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.tls(redis, TestPki.serverContext(elsewhere, null), false)) {
			answersPing(proxy, "connection.tls.cacertfile=" + serverCa.caFile(), "connection.tls.server-name=cache.example");
			assertThat(proxy.handshakes()).isNotEmpty().allSatisfy(handshake -> assertThat(handshake.serverName()).isEqualTo("cache.example"));
		}
	}

	@Test
	void aCertificateFromAnotherCaIsRefused() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.tls(redis, TestPki.serverContext(localhost, null), false)) {
			refused(proxy, "unable to find valid certification path", "connection.tls.cacertfile=" + clientCa.caFile());
		}
	}

	@Test
	void aSelfSignedCertificateNeedsSelfsignedPeer() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.tls(redis, TestPki.serverContext(selfSigned, null), false)) {
			refused(proxy, "unable to find valid certification path", "connection.tls.verify-mode=peer");
			answersPing(proxy, "connection.tls.verify-mode=selfsigned-peer");
		}
	}

	@Test
	void selfsignedPeerStillRefusesAChainFromAnUntrustedCa() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.tls(redis, TestPki.serverContext(localhost, null), false)) {
			refused(proxy, "unable to find valid certification path", "connection.tls.verify-mode=selfsigned-peer");
		}
	}

	@Test
	void verifyModeNoneAcceptsAnyCertificate() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.tls(redis, TestPki.serverContext(elsewhere, null), false)) {
			answersPing(proxy, "connection.tls.verify-mode=none");
		}
	}

	@Test
	void aClientCertificateIsPresentedWhenTheServerAsksForOne() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.tls(redis, TestPki.serverContext(localhost, clientCa), true)) {
			refused(proxy, "certificate_required", "connection.tls.cacertfile=" + serverCa.caFile());
			// No connection got through with a certificate (now and then the proxy's JDK server
			// records a handshake without one for the refused attempt; those are not counted).
			assertThat(proxy.handshakes()).allSatisfy(handshake -> assertThat(handshake.clientSubject()).isNull());
			int refusedHandshakes = proxy.handshakes().size();
			answersPing(proxy, "connection.tls.cacertfile=" + serverCa.caFile(), "connection.tls.certfile=" + client.certfile(),
					"connection.tls.keyfile=" + client.keyfile());
			assertThat(proxy.handshakes().subList(refusedHandshakes, proxy.handshakes().size())).isNotEmpty()
				.allSatisfy(handshake -> assertThat(handshake.clientSubject()).isEqualTo("CN=meridian-node-1"));
		}
	}

	@Test
	void anEncryptedClientKeyOpensWithItsPassword() throws Exception {
		Path encrypted = clientCa.encryptedKey(client, "k3y-pass");
		try (ForwardingProxy proxy = ForwardingProxy.tls(redis, TestPki.serverContext(localhost, clientCa), true)) {
			answersPing(proxy, "connection.tls.cacertfile=" + serverCa.caFile(), "connection.tls.certfile=" + client.certfile(),
					"connection.tls.keyfile=" + encrypted, "connection.tls.password=k3y-pass");
			assertThat(proxy.handshakes()).isNotEmpty()
				.allSatisfy(handshake -> assertThat(handshake.clientSubject()).isEqualTo("CN=meridian-node-1"));
		}
	}

	@Test
	void serverNameIndicationCanBeTurnedOff() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.tls(redis, TestPki.serverContext(localhost, null), false)) {
			answersPing(proxy, "connection.tls.cacertfile=" + serverCa.caFile(), "connection.tls.server-name-indication=false");
			assertThat(proxy.handshakes()).isNotEmpty().allSatisfy(handshake -> assertThat(handshake.serverName()).isNull());
		}
	}

	@Test
	void versionsLimitWhatTheHandshakeAgrees() throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.tls(redis, TestPki.serverContext(localhost, null), false)) {
			answersPing(proxy, "connection.tls.cacertfile=" + serverCa.caFile(), "connection.tls.versions[0]=TLSv1.2");
			assertThat(proxy.handshakes()).isNotEmpty().allSatisfy(handshake -> assertThat(handshake.protocol()).isEqualTo("TLSv1.2"));
		}
	}

	private void answersPing(ForwardingProxy proxy, String... tls) {
		this.runner.withPropertyValues(pool(proxy, "required=true", tls)).run(context -> {
			assertThat(context).hasNotFailed();
			OutgoingPool<RedisPoolClient> pool = context.getBean(OutgoingPools.class).get(PoolType.REDIS, "global", this.tag);
			assertThat(pool.<String>call(r -> r.commands().ping())).isEqualTo("PONG");
		});
	}

	/** A required pool does not start, and says why. */
	private void refused(ForwardingProxy proxy, String reason, String... tls) {
		this.runner.withPropertyValues(pool(proxy, "required=true", tls))
			.run(context -> assertThat(context).getFailure()
				.hasMessageContaining("(redis, global, " + this.tag + ") is required but its server does not answer: Unable to connect to localhost:" + proxy.port())
				.hasMessageContaining(reason));
	}

	private String[] pool(ForwardingProxy proxy, String required, String... tls) {
		Stream<String> base = Stream.of("type=redis", "tag=" + this.tag, required, "pool.workers=2", "connection.host=localhost",
				"connection.port=" + proxy.port());
		return Stream.concat(base, Arrays.stream(tls)).map(p -> "meridian.outgoing-pools[0]." + p).toArray(String[]::new);
	}

}
