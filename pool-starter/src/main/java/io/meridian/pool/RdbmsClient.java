package io.meridian.pool;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The client of an {@code rdbms} pool: a HikariCP data source holding one connection per
 * worker, and a {@link JdbcTemplate} over it whose query timeout is the pool's
 * {@code call-timeout}. Calls go through {@link #jdbc()}; frameworks that manage their own
 * work, such as Flyway, take {@link #dataSource()} from {@link OutgoingPool#client()}.
 *
 * @param dataSource the pooled connections
 * @param jdbc queries with the pool's call-timeout
 */
public record RdbmsClient(DataSource dataSource, JdbcTemplate jdbc) {
}
