package io.meridian.pool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How a redis entry binds, and what an operator reads when it is wrong; no server is contacted. */
class RedisPoolConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class));

	@TempDir
	Path dir;

	@Test
	void aBareEntryConnectsAsMongooseImDoes() {
		PoolDefinition definition = bind("type=redis");
		assertThat(definition.connection()).isEqualTo(new RedisConnection("127.0.0.1", 6379, 0, null, null, null));
		assertThat(definition.options().workers()).isEqualTo(10);
		assertThat(definition.options().strategy()).isEqualTo(WorkerStrategy.BEST_WORKER);
	}

	@Test
	void everyKeyBindsFromRelaxedNames() throws Exception {
		Path ca = Files.writeString(this.dir.resolve("ca.pem"), "");
		PoolDefinition definition = bind("type=redis", "tag=sessions", "connection.host=redis.internal", "connection.port=6380",
				"connection.database=3", "connection.username=meridian", "connection.password=secret",
				"connection.tls.verify_mode=selfsigned_peer", "connection.tls.cacertfile=" + ca,
				"connection.tls.server-name-indication=false", "connection.tls.server-name=cache.example",
				"connection.tls.versions[0]=TLSv1.3");
		RedisConnection connection = (RedisConnection) definition.connection();
		assertThat(connection).isEqualTo(new RedisConnection("redis.internal", 6380, 3, "meridian", "secret",
				new TlsOptions(TlsOptions.VerifyMode.SELFSIGNED_PEER, ca.toString(), null, null, null, false, "cache.example",
						List.of("TLSv1.3"), null)));
	}

	@Test
	void tlsWithOnlyAVerifyModeUsesTheSharedDefaults() {
		RedisConnection connection = (RedisConnection) bind("type=redis", "connection.tls.verify-mode=peer").connection();
		assertThat(connection.tls()).isEqualTo(TlsOptions.defaults());
	}

	@Test
	void mongooseImsEmptyPasswordMeansNoAuth() {
		RedisConnection connection = (RedisConnection) bind("type=redis", "connection.password=").connection();
		assertThat(connection.password()).isNull();
	}

	@Test
	void availableWorkerIsAcceptedSinceEveryCallWaitsForItsOwnReply() {
		assertThat(bind("type=redis", "pool.strategy=available_worker").options().strategy()).isEqualTo(WorkerStrategy.AVAILABLE_WORKER);
	}

	@Test
	void aPortOutOfRangeIsNamed() {
		failsWith("meridian.outgoing-pools[0].connection", "port must be between 1 and 65535, was 70000", "connection.port=70000");
	}

	@Test
	void aNegativeDatabaseIsNamed() {
		failsWith("meridian.outgoing-pools[0].connection", "database must be 0 or more, was -1", "connection.database=-1");
	}

	@Test
	void aUsernameWithoutPasswordIsRefused() {
		failsWith("meridian.outgoing-pools[0].connection", "username 'meridian' needs a password", "connection.username=meridian");
	}

	@Test
	void anUnknownKeyListsTheRedisKeys() {
		failsWith("meridian.outgoing-pools[0].connection.db: unknown key; expected one of host, port, database, username, password, tls",
				"", "connection.db=2");
	}

	@Test
	void mongooseImsVerifyPeerKeyPointsToVerifyMode() {
		failsWith("meridian.outgoing-pools[0].connection.tls.verify-peer: unknown key; expected one of verify-mode, cacertfile, certfile, keyfile",
				"", "connection.tls.verify-peer=true");
	}

	@Test
	void anUnknownVerifyModeIsNamed() {
		failsWith("meridian.outgoing-pools[0].connection.tls.verify-mode", "strict", "connection.tls.verify-mode=strict");
	}

	@Test
	void anUnreadableCaFileIsNamed() {
		failsWith("meridian.outgoing-pools[0].connection.tls", "cacertfile '/nonexistent/ca.pem' is not a readable file",
				"connection.tls.cacertfile=/nonexistent/ca.pem");
	}

	@Test
	void aCertificateWithoutItsKeyIsRefused() throws Exception {
		Path cert = Files.writeString(this.dir.resolve("client.pem"), "");
		failsWith("meridian.outgoing-pools[0].connection.tls", "certfile and keyfile go together", "connection.tls.certfile=" + cert);
	}

	@Test
	void tlsOlderThanOnePointTwoIsRefused() {
		failsWith("meridian.outgoing-pools[0].connection.tls", "versions: 'TLSv1.1' is not allowed",
				"connection.tls.versions[0]=TLSv1.1");
	}

	@Test
	void aClientKeyThatDoesNotOpenIsNamedBeforeAnyConnection() throws Exception {
		TestPki pki = TestPki.create(this.dir, "clients");
		TestPki.Issued client = pki.issue("meridian-node-1");
		Path encrypted = pki.encryptedKey(client, "right");
		this.runner
			.withPropertyValues("meridian.outgoing-pools[0].type=redis", "meridian.outgoing-pools[0].connection.port=1",
					"meridian.outgoing-pools[0].connection.tls.certfile=" + client.certfile(),
					"meridian.outgoing-pools[0].connection.tls.keyfile=" + encrypted,
					"meridian.outgoing-pools[0].connection.tls.password=wrong")
			.run(context -> assertThat(poolFailure(context.getStartupFailure()).getMessage())
				.startsWith("meridian.outgoing-pools[0] (redis, global, default).connection.tls: ")
				.doesNotContain("wrong"));
	}

	@Test
	void withoutLettuceTheEntryAsksForTheLibrary() {
		this.runner.withClassLoader(new FilteredClassLoader(RedisClient.class))
			.withPropertyValues("meridian.outgoing-pools[0].type=redis")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("meridian.outgoing-pools[0]: no client library for 'redis' pools on the classpath"));
	}

	@Test
	void passwordsNeverShowInTheOptions() {
		RedisConnection connection = new RedisConnection("redis", 6379, 0, "meridian", "s3cret",
				new TlsOptions(TlsOptions.VerifyMode.PEER, null, null, null, "k3ypass", true, null, null, null));
		assertThat(connection.toString()).contains("username=meridian", "password=******")
			.doesNotContain("s3cret")
			.doesNotContain("k3ypass");
	}

	@Test
	void theClientNameNamesThePoolWithoutSpaces() {
		PoolDefinition definition = new PoolDefinition(0, PoolType.REDIS, "a.example", "my tag", false, PoolOptions.defaults(),
				new RedisConnection("redis", 6379, 0, null, null, null));
		assertThat(RedisPoolClientFactory.clientName(definition)).isEqualTo("redis-a.example-my_tag");
	}

	@Test
	void turningServerNameIndicationOffHoldsForAnEngineMadeForTheHost() throws Exception {
		// Lettuce makes its engine for the host, for which the JDK would send SNI by itself.
		TlsOptions tls = new TlsOptions(TlsOptions.VerifyMode.PEER, null, null, null, null, false, null, null, null);
		javax.net.ssl.SSLEngine engine = javax.net.ssl.SSLContext.getDefault().createSSLEngine("redis.internal", 6379);
		engine.setUseClientMode(true);
		engine.setSSLParameters(tls.sslParameters("redis.internal"));
		assertThat(engine.getSSLParameters().getServerNames()).isEmpty();
	}

	private PoolDefinition bind(String... properties) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String property : properties) {
			int eq = property.indexOf('=');
			map.put("meridian.outgoing-pools[0]." + property.substring(0, eq), property.substring(eq + 1));
		}
		List<PoolDefinition> definitions = PoolDefinitions.bind(new Binder(new MapConfigurationPropertySource(map)),
				Map.of(PoolType.REDIS, new RedisPoolClientFactory()));
		assertThat(definitions).hasSize(1);
		return definitions.get(0);
	}

	/** The entry fails to bind, before any connection, with the property and the reason. */
	private void failsWith(String property, String reason, String... properties) {
		String[] all = new String[properties.length + 1];
		all[0] = "type=redis";
		System.arraycopy(properties, 0, all, 1, properties.length);
		assertThatExceptionOfType(PoolConfigurationException.class).isThrownBy(() -> bind(all))
			.withMessageContaining(property)
			.withMessageContaining(reason);
		this.runner.withPropertyValues(java.util.Arrays.stream(all).map(p -> "meridian.outgoing-pools[0]." + p).toArray(String[]::new))
			.run(context -> assertThat(context).getFailure()
				.hasRootCauseInstanceOf(Exception.class)
				.satisfies(failure -> assertThat(poolFailure(failure).getMessage()).contains(property).contains(reason)));
	}

	private static Throwable poolFailure(Throwable failure) {
		while (failure != null && !(failure instanceof PoolConfigurationException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("a PoolConfigurationException").isNotNull();
		return failure;
	}

}
