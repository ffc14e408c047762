package io.meridian.pool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.naming.Name;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;

import io.meridian.testsupport.Endpoint;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.CommunicationException;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapNameBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.ldap.query.LdapQueryBuilder.query;

/**
 * ldap pools against the infra slapd ({@code scripts/meridian-infra start ldap}). A second
 * loopback address, 127.0.0.2, stands for a server that is down on the same port.
 */
class LdapPoolIT {

	private static final String BASE = "dc=meridian,dc=test";

	private static final String DOWN_HOST = "127.0.0.2";

	private static Endpoint ldap;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class));

	@BeforeAll
	static void locateLdap() {
		ldap = RealServers.locate(RealServer.LDAP);
	}

	@Test
	void bindsSearchesAddsAndRemovesEntries() {
		this.runner.withPropertyValues(pool(ldap.host())).run(context -> {
			OutgoingPool<LdapTemplate> pool = pool(context);
			String uid = "it-" + UUID.randomUUID();
			Name dn = LdapNameBuilder.newInstance().add("ou", "users").add("uid", uid).build();
			BasicAttributes attributes = new BasicAttributes(true);
			BasicAttribute classes = new BasicAttribute("objectClass");
			List.of("top", "person", "organizationalPerson", "inetOrgPerson").forEach(classes::add);
			attributes.put(classes);
			attributes.put("cn", "Ada Lovelace");
			attributes.put("sn", "Lovelace");
			pool.call(directory -> {
				directory.bind(dn, null, attributes);
				return null;
			});
			assertThat(commonNames(pool, uid)).containsExactly("Ada Lovelace");
			pool.call(directory -> {
				directory.unbind(dn);
				return null;
			});
			assertThat(commonNames(pool, uid)).isEmpty();
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void aServerThatIsDownIsPassedForTheNext() {
		requireNothingOn(DOWN_HOST);
		this.runner.withPropertyValues(pool(DOWN_HOST, ldap.host())).run(context -> {
			assertThat(commonNames(pool(context), "nobody")).isEmpty();
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void aServerThatFailedWaitsConnectIntervalBehindTheOthers() throws IOException {
		requireNothingOn(DOWN_HOST);
		// Accepts and hangs up at once: a dead server whose every connection attempt is counted.
		try (ServerSocket dead = new ServerSocket()) {
			dead.bind(new InetSocketAddress(InetAddress.getByName(DOWN_HOST), ldap.port()));
			AtomicInteger attempts = new AtomicInteger();
			Thread.ofVirtual().start(() -> {
				while (!dead.isClosed()) {
					try (Socket socket = dead.accept()) {
						attempts.incrementAndGet();
					}
					catch (IOException ex) {
						return;
					}
				}
			});
			this.runner.withPropertyValues(pool(DOWN_HOST, ldap.host())).run(context -> {
				for (int i = 0; i < 3; i++) {
					assertThat(commonNames(pool(context), "nobody")).isEmpty();
				}
			});
			int afterWaiting = attempts.getAndSet(0);
			this.runner.withPropertyValues(pool(DOWN_HOST, ldap.host()))
				.withPropertyValues("meridian.outgoing-pools[0].connection.connect-interval=0")
				.run(context -> {
					for (int i = 0; i < 3; i++) {
						assertThat(commonNames(pool(context), "nobody")).isEmpty();
					}
				});
			// The start-up check and three calls: only the first tries the dead server while it waits.
			assertThat(afterWaiting).isEqualTo(1);
			assertThat(attempts.get()).isEqualTo(4);
		}
	}

	@Test
	void aWrongPasswordIsAnAuthenticationErrorNotATimeout() {
		this.runner.withPropertyValues(pool(ldap.host()))
			.withPropertyValues("meridian.outgoing-pools[0].connection.password=wrong")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThatThrownBy(() -> commonNames(pool(context), "nobody")).isInstanceOf(AuthenticationException.class)
					.hasMessageContaining("Invalid Credentials");
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("error")).asString().contains("Invalid Credentials");
			});
	}

	@Test
	void withEveryServerDownThePoolStartsReportsDownAndNamesTheServersInTheError() throws IOException {
		requireNothingOn(DOWN_HOST);
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		this.runner.withPropertyValues(pool(DOWN_HOST, "127.0.0.1"))
			.withPropertyValues("meridian.outgoing-pools[0].connection.port=" + closed)
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
				assertThatThrownBy(() -> commonNames(pool(context), "nobody")).isInstanceOf(CommunicationException.class)
					.hasMessageContaining("no LDAP server answered: ldap://" + DOWN_HOST + ":" + closed)
					.hasMessageContaining("ldap://127.0.0.1:" + closed);
			});
	}

	private static String[] pool(String... servers) {
		List<String> properties = new ArrayList<>(List.of("meridian.outgoing-pools[0].type=ldap",
				"meridian.outgoing-pools[0].pool.workers=2", "meridian.outgoing-pools[0].pool.call-timeout=5s",
				"meridian.outgoing-pools[0].connection.port=" + ldap.port(),
				"meridian.outgoing-pools[0].connection.rootdn=cn=admin," + BASE,
				"meridian.outgoing-pools[0].connection.password=secret", "meridian.outgoing-pools[0].connection.base=" + BASE));
		for (int i = 0; i < servers.length; i++) {
			properties.add("meridian.outgoing-pools[0].connection.servers[" + i + "]=" + servers[i]);
		}
		return properties.toArray(String[]::new);
	}

	private static OutgoingPool<LdapTemplate> pool(AssertableApplicationContext context) {
		return context.getBean(OutgoingPools.class).get(PoolType.LDAP);
	}

	private static List<String> commonNames(OutgoingPool<LdapTemplate> pool, String uid) {
		return pool.call(directory -> directory.search(query().base("ou=users").where("uid").is(uid),
				(AttributesMapper<String>) attributes -> (String) attributes.get("cn").get()));
	}

	private static Health health(AssertableApplicationContext context) {
		return ((HealthIndicator) context.getBean(OutgoingPoolsHealthContributor.class).getContributor("ldap-global-default"))
			.health();
	}

	/** 127.0.0.2 is down only while nothing listens there on the directory's port. */
	private static void requireNothingOn(String host) {
		assertThat(ldap.host()).as("the directory for these tests runs on 127.0.0.1").isEqualTo("127.0.0.1");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, ldap.port()), 1000);
			throw new AssertionError("something listens on " + host + ":" + ldap.port() + "; these tests need it closed");
		}
		catch (IOException expected) {
			// Refused: as the tests need.
		}
	}

}
