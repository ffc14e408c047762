package io.meridian.domains;

import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The domain API over PostgreSQL, in a schema of its own. */
class DomainServicePostgresIT extends AbstractDomainServiceIT {

	private static String schema;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		schema = ItServers.postgresSchema(registry, "domains_it");
		redis(registry);
	}

	@AfterAll
	static void dropSchema() {
		ItServers.dropSchema(schema);
	}

}
