package io.meridian.pool;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The client of an {@code rdbms} pool: a HikariCP data source holding one connection per
 * worker, whose statements end at the pool's {@code call-timeout}, and a {@link JdbcTemplate}
 * over it. Calls go through {@link #jdbc()}; transaction managers take {@link #dataSource()}
 * from {@link OutgoingPool#client()}. Schema migrations, whose statements may run for longer
 * than any call should, take {@link #schemaDataSource()}.
 *
 * @param dataSource the pooled connections, statements bounded by call-timeout
 * @param jdbc queries through the pooled connections
 * @param schemaDataSource connections without a statement timeout: for PostgreSQL, opened on
 * demand outside the pool with its server, credentials and TLS settings; elsewhere, where the
 * timeout is the template's alone, the pooled connections
 */
public record RdbmsClient(DataSource dataSource, JdbcTemplate jdbc, DataSource schemaDataSource) {
}
