package io.meridian.domains;

import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The domain API over MariaDB (the pool's {@code mysql} driver), in a database of its own. */
class DomainServiceMariaDbIT extends AbstractDomainServiceIT {

	private static String database;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		database = ItServers.mariadbDatabase(registry, "domains_it");
		redis(registry);
	}

	@AfterAll
	static void dropDatabase() {
		ItServers.dropMariadbDatabase(database);
	}

}
