package io.meridian.domains;

import java.time.Clock;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.ConnectionCallback;

import io.meridian.domains.grpc.DomainsGrpcService;
import io.meridian.domains.nudge.DomainNudges;
import io.meridian.domains.nudge.LettuceDomainNudges;
import io.meridian.domains.service.DomainRules;
import io.meridian.domains.service.EventCleanup;
import io.meridian.domains.store.DomainStore;
import io.meridian.domains.store.JdbcDomainStore;
import io.meridian.pool.NoSuchPoolException;
import io.meridian.pool.OutgoingPool;
import io.meridian.pool.OutgoingPools;
import io.meridian.pool.PoolType;
import io.meridian.pool.RdbmsClient;

/** Owner of domain_settings and domain_events: the only writer of the dynamic domains. */
@SpringBootApplication
@EnableConfigurationProperties(DomainsProperties.class)
public class DomainServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(DomainServiceApplication.class, args);
	}

	@Bean
	DomainStore domainStore(OutgoingPools pools) {
		OutgoingPool<RdbmsClient> pool;
		try {
			pool = pools.get(PoolType.RDBMS);
		}
		catch (NoSuchPoolException ex) {
			throw new IllegalStateException("domain-service keeps the domains in the global rdbms pool: configure one under "
					+ "meridian.outgoing-pools (type: rdbms, connection.driver: pgsql)", ex);
		}
		// Baseline 0: in a database other services already use, V1 still runs.
		Flyway.configure()
			.dataSource(pool.client().schemaDataSource())
			.locations(migrations(pool.client()))
			.table("domains_schema_history")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		return new JdbcDomainStore(pool);
	}

	/** PostgreSQL's migrations (H2 in its PostgreSQL mode reads them too), or MariaDB's. */
	private static String migrations(RdbmsClient client) {
		String product = client.jdbc().execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
		String name = (product != null) ? product.toLowerCase(Locale.ROOT) : "";
		return (name.contains("mariadb") || name.contains("mysql")) ? "classpath:db/domains-mysql" : "classpath:db/domains";
	}

	@Bean
	LettuceDomainNudges domainNudges(DomainsProperties properties, MeterRegistry meters) {
		DomainsProperties.Redis redis = properties.redis();
		return new LettuceDomainNudges(redis.host(), redis.port(), redis.channel(), redis.timeout(), meters);
	}

	@Bean
	DomainRules domainRules(DomainStore store, DomainNudges nudges, DomainsProperties properties, MeterRegistry meters) {
		return new DomainRules(store, nudges, properties.hostTypes(), properties.staticDomains(), meters);
	}

	@Bean
	EventCleanup eventCleanup(DomainStore store, DomainsProperties properties, MeterRegistry meters) {
		return new EventCleanup(store, properties.eventRetention(), properties.eventCleanupInterval(), Clock.systemUTC(), meters);
	}

	@Bean
	DomainsGrpcService domainsGrpcService(DomainRules rules) {
		return new DomainsGrpcService(rules);
	}

}
