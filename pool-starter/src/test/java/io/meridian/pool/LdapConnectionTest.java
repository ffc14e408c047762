package io.meridian.pool;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.CommunicationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How an ldap entry binds, and the TLS sockets JNDI gets; the IT shows the rest against slapd. */
class LdapConnectionTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class));

	private final LdapPoolClientFactory factory = new LdapPoolClientFactory();

	@Test
	void defaultsAreMongooseIms() {
		LdapConnection connection = bind("type", "ldap");
		assertThat(connection.urls()).containsExactly("ldap://localhost:389");
		assertThat(connection.encrypt()).isEqualTo(LdapConnection.Encrypt.NONE);
		assertThat(connection.tls()).isNull();
		assertThat(connection.rootdn()).isNull();
		assertThat(connection.connectInterval()).hasSeconds(10);
	}

	@Test
	void encryptTlsMeansLdapsOn636WithVerifiedTls() {
		LdapConnection connection = bind("type", "ldap", "connection.servers[0]", "ldap1", "connection.servers[1]", "::1",
				"connection.encrypt", "tls");
		assertThat(connection.urls()).containsExactly("ldaps://ldap1:636", "ldaps://[::1]:636");
		assertThat(connection.tls().verifyMode()).isEqualTo(TlsOptions.VerifyMode.PEER);
	}

	@Test
	void aBareConnectIntervalIsMillisecondsAndThePasswordIsHidden() {
		LdapConnection connection = bind("type", "ldap", "connection.connect_interval", "20000", "connection.rootdn",
				"cn=admin,dc=example,dc=com", "connection.password", "s3cret");
		assertThat(connection.connectInterval()).hasSeconds(20);
		assertThat(connection.toString()).contains("password=******").doesNotContain("s3cret");
	}

	@Test
	void tlsOptionsWithoutEncryptAreRefused() {
		failsWith("tls options need 'encrypt: tls'", "type=ldap", "connection.tls.verify-mode=none");
	}

	@Test
	void aRootdnWithoutPasswordIsRefused() {
		failsWith("rootdn needs a password", "type=ldap", "connection.rootdn=cn=admin,dc=example,dc=com");
	}

	@Test
	void anUnknownConnectionKeyIsNamed() {
		failsWith("meridian.outgoing-pools[0].connection.host: unknown key; expected one of servers, port, encrypt, tls, "
				+ "rootdn, password, connect-interval, base", "type=ldap", "connection.host=ldap1");
	}

	@Test
	void urlsGiveBackTheirHost() {
		assertThat(LdapServers.host("ldaps://ldap1.example.org:636/dc=example,dc=com")).isEqualTo("ldap1.example.org");
		assertThat(LdapServers.host("ldaps://[::1]:636")).isEqualTo("::1");
	}

	@Test
	void readAndConnectTimeoutsAreCallTimeouts() {
		javax.naming.CommunicationException read = new javax.naming.CommunicationException("read");
		read.setRootCause(new IOException("LDAP response read timed out, timeout used: 1000 ms."));
		assertThat(this.factory.isTimeout(new CommunicationException(read))).isTrue();
		javax.naming.CommunicationException connect = new javax.naming.CommunicationException("connect");
		connect.setRootCause(new SocketTimeoutException("Connect timed out"));
		assertThat(this.factory.isTimeout(new CommunicationException(connect))).isTrue();
		assertThat(this.factory.isTimeout(
				new AuthenticationException(new javax.naming.AuthenticationException("[LDAP: error code 49 - Invalid Credentials]"))))
			.isFalse();
	}

	@Test
	void jndiGetsThePoolsTlsSocketsOnlyWhileThePoolOpensAConnection() throws IOException {
		TlsOptions tls = TlsOptions.defaults();
		LdapTlsSocketFactory sockets = new LdapTlsSocketFactory(tls.sslContext().getSocketFactory(), tls, "ldap1.example.org");
		assertThatIllegalStateException().isThrownBy(LdapTlsSocketFactory::getDefault)
			.withMessageContaining("only serves connections an ldap pool opens");
		SocketFactory seen = sockets.opening(LdapTlsSocketFactory::getDefault);
		assertThat(seen).isSameAs(sockets);
		assertThatIllegalStateException().isThrownBy(LdapTlsSocketFactory::getDefault);
		try (SSLSocket socket = (SSLSocket) seen.createSocket()) {
			assertThat(socket.getSSLParameters().getServerNames()).containsExactly(new SNIHostName("ldap1.example.org"));
			assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
		}
	}

	private LdapConnection bind(String... keysAndValues) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			properties.put(PoolDefinitions.PREFIX + "[0]." + keysAndValues[i], keysAndValues[i + 1]);
		}
		return (LdapConnection) PoolDefinitions
			.bind(new Binder(new MapConfigurationPropertySource(properties)), Map.of(PoolType.LDAP, this.factory))
			.get(0)
			.connection();
	}

	private void failsWith(String message, String... properties) {
		this.runner.withPropertyValues(Arrays.stream(properties).map(p -> PoolDefinitions.PREFIX + "[0]." + p).toArray(String[]::new))
			.run(context -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (failure != null && !(failure instanceof PoolConfigurationException)) {
					failure = failure.getCause();
				}
				assertThat(failure).as("a PoolConfigurationException").isNotNull();
				assertThat(failure.getMessage()).contains(message);
			});
	}

}
