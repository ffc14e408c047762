package io.meridian.gateway;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.SslContext;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.auth.AuthFailures;
import io.meridian.gateway.auth.AuthProperties;
import io.meridian.gateway.auth.SaslMechanisms;
import io.meridian.gateway.domain.HostedDomains;
import io.meridian.gateway.domain.DomainTable;
import io.meridian.gateway.modules.disco.DiscoFeatures;
import io.meridian.gateway.modules.disco.DiscoInfoHandler;
import io.meridian.gateway.modules.disco.DiscoItemsHandler;
import io.meridian.gateway.modules.disco.DiscoProperties;
import io.meridian.gateway.modules.offline.OfflineMessages;
import io.meridian.gateway.modules.offline.OfflineProperties;
import io.meridian.gateway.modules.offline.OfflineStore;
import io.meridian.gateway.modules.ping.PingHandler;
import io.meridian.gateway.modules.presence.PresenceModule;
import io.meridian.gateway.modules.privatedata.PrivateStorageHandler;
import io.meridian.gateway.modules.privatedata.PrivateStorageProperties;
import io.meridian.gateway.modules.privatedata.PrivateStore;
import io.meridian.gateway.modules.register.InBandRegistration;
import io.meridian.gateway.modules.roster.RosterChanges;
import io.meridian.gateway.modules.roster.RosterHandler;
import io.meridian.gateway.modules.roster.RosterStore;
import io.meridian.gateway.modules.time.EntityTimeHandler;
import io.meridian.gateway.modules.vcard.VCardHandler;
import io.meridian.gateway.modules.vcard.VCardProperties;
import io.meridian.gateway.modules.vcard.VCardStore;
import io.meridian.gateway.modules.version.VersionHandler;
import io.meridian.gateway.modules.version.VersionProperties;
import io.meridian.gateway.routing.InMemorySessionRegistry;
import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.routing.OfflineStorage;
import io.meridian.gateway.routing.PresenceHandler;
import io.meridian.gateway.routing.Router;
import io.meridian.gateway.routing.SessionRegistry;
import io.meridian.gateway.stream.BlockingWorkers;
import io.meridian.gateway.stream.C2sServices;
import io.meridian.gateway.transport.C2sListener;
import io.meridian.gateway.transport.C2sProperties;
import io.meridian.gateway.transport.tls.ServerCertificates;
import io.meridian.pool.OutgoingPool;
import io.meridian.pool.OutgoingPools;
import io.meridian.pool.PoolType;
import io.meridian.pool.RdbmsClient;

/** The XMPP gateway: client connections, streams, sessions and routing. */
@SpringBootApplication
@EnableConfigurationProperties({ GatewayProperties.class, C2sProperties.class, AuthProperties.class, OfflineProperties.class,
		VCardProperties.class, PrivateStorageProperties.class, DiscoProperties.class, VersionProperties.class })
public class GatewayApplication {

	/** Static domains, each its own host type, plus the dynamic ones domain-service adds when it is followed. */
	@Bean
	DomainTable domainTable(GatewayProperties properties) {
		Map<String, String> statics = new LinkedHashMap<>();
		properties.hosts().forEach(host -> statics.put(host, host.toLowerCase(Locale.ROOT)));
		return new DomainTable(statics, properties.hostTypes());
	}

	/** The gateway's tables in the global rdbms pool, migrated before anything uses them. */
	@Bean
	GatewayDatabase gatewayDatabase(OutgoingPools pools) {
		OutgoingPool<RdbmsClient> pool = pools.get(PoolType.RDBMS);
		Flyway.configure()
			.dataSource(pool.client().schemaDataSource())
			.locations("classpath:db/gateway")
			.table("gateway_schema_history")
			// The database may hold other services' tables (domain-service's): start below V1, never skip it.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		return new GatewayDatabase(pool);
	}

	@Bean
	Accounts accounts(GatewayDatabase database, AuthProperties auth) {
		return new Accounts(database.pool(), auth.scramIterations());
	}

	@Bean
	RosterStore rosterStore(GatewayDatabase database) {
		return new RosterStore(database.pool());
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new InMemorySessionRegistry();
	}

	@Bean
	PingHandler pingHandler() {
		return new PingHandler();
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Bean
	DiscoInfoHandler discoInfoHandler(DiscoProperties disco, ObjectProvider<IqHandler> handlers, ObjectProvider<DiscoFeatures> features,
			RosterStore rosters) {
		return new DiscoInfoHandler(disco.name(), () -> handlers.orderedStream().toList(), () -> features.orderedStream().toList(),
				(user, account) -> rosters.read(account).items().stream()
					.anyMatch(item -> item.jid().equals(user) && item.state().subscription().from()));
	}

	@Bean
	DiscoItemsHandler discoItemsHandler() {
		return new DiscoItemsHandler();
	}

	/** The version of the build (META-INF/build-info.properties), else of the jar's manifest. */
	@Bean
	VersionHandler versionHandler(VersionProperties properties, ObjectProvider<BuildProperties> build) {
		BuildProperties info = build.getIfAvailable();
		String version = (info != null) ? info.getVersion() : GatewayApplication.class.getPackage().getImplementationVersion();
		String os = properties.showOs() ? System.getProperty("os.name") + " " + System.getProperty("os.version") : null;
		return new VersionHandler((version != null) ? version : "unknown", os);
	}

	@Bean
	EntityTimeHandler entityTimeHandler(Clock clock) {
		return new EntityTimeHandler(clock);
	}

	@Bean
	RosterChanges rosterChanges(RosterStore store, SessionRegistry sessions, Accounts accounts, HostedDomains domains) {
		return new RosterChanges(store, sessions, accounts, domains);
	}

	@Bean
	RosterHandler rosterHandler(RosterStore store, RosterChanges changes) {
		return new RosterHandler(store, changes);
	}

	@Bean
	OfflineMessages offlineMessages(GatewayDatabase database, OfflineProperties offline) {
		return new OfflineMessages(new OfflineStore(database.pool()), offline.maxPerUser(), offline.disabledDomains());
	}

	@Bean
	VCardHandler vcardHandler(GatewayDatabase database, Accounts accounts, VCardProperties vcard) {
		return new VCardHandler(new VCardStore(database.pool()), accounts, vcard.maxSize());
	}

	@Bean
	PrivateStorageHandler privateStorageHandler(GatewayDatabase database, PrivateStorageProperties privateStorage) {
		return new PrivateStorageHandler(new PrivateStore(database.pool()), privateStorage.maxSize());
	}

	@Bean
	PresenceModule presenceModule(SessionRegistry sessions, RosterStore store, RosterChanges changes, OfflineStorage offline) {
		return new PresenceModule(sessions, store, changes, offline);
	}

	@Bean
	InBandRegistration inBandRegistration(Accounts accounts, GatewayProperties properties) {
		return new InBandRegistration(accounts, Set.copyOf(properties.registration().domains()));
	}

	@Bean
	Router router(SessionRegistry sessions, HostedDomains domains, List<IqHandler> handlers, PresenceHandler presence,
			OfflineStorage offline) {
		return new Router(sessions, domains, handlers, presence, offline);
	}

	@Bean
	AuthFailures authFailures(AuthProperties auth, Clock clock) {
		return new AuthFailures(auth.maxFailures(), auth.failureWindow(), clock);
	}

	@Bean
	BlockingWorkers blockingWorkers(AuthProperties auth, C2sProperties c2s) {
		return new BlockingWorkers(auth.threads(), c2s.blockingThreads());
	}

	@Bean
	C2sListener c2sListener(C2sProperties c2s, GatewayProperties gateway, HostedDomains domains, Accounts accounts,
			AuthProperties auth, SessionRegistry sessions, Router router, InBandRegistration registration, AuthFailures authFailures,
			BlockingWorkers workers, MeterRegistry meters) {
		return new C2sListener(c2s, new C2sServices(domains, new SaslMechanisms(accounts, auth.scramIterations()), sessions, router,
				tls(c2s, gateway), c2s.startTls(), registration, registration::openOn, RosterHandler.STREAM_FEATURES,
				c2s.limits().preAuth().rates(), c2s.limits().authenticated(), authFailures, workers.auth(), workers.stanzas(),
				meters));
	}

	private static SslContext tls(C2sProperties c2s, GatewayProperties gateway) {
		if (c2s.certfile() != null) {
			return ServerCertificates.serverContext(c2s.certfile(), c2s.keyfile(), c2s.tlsProvider());
		}
		Path[] generated = ServerCertificates.selfSigned(gateway.dataDir().resolve("tls"), gateway.hosts());
		return ServerCertificates.serverContext(generated[0], generated[1], c2s.tlsProvider());
	}

	/** @param pool the global rdbms pool, its gateway tables migrated */
	record GatewayDatabase(OutgoingPool<RdbmsClient> pool) {
	}

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
