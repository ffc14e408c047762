package io.meridian.domains.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.meridian.pool.OutgoingPool;
import io.meridian.pool.RdbmsClient;

/**
 * The domain tables in PostgreSQL (or MariaDB), through an rdbms pool. A change reads its row with
 * {@code for update}, so concurrent changes of one domain queue up and each sees the other's
 * result; the row and its event commit together.
 */
public class JdbcDomainStore implements DomainStore {

	private static final String COLUMNS = "select id, domain, host_type, enabled from domain_settings";

	private static final RowMapper<DomainEntry> ENTRY = (rs, row) -> DomainEntry.stored(rs.getLong("id"), rs.getString("domain"),
			rs.getString("host_type"), rs.getBoolean("enabled"));

	private static final RowMapper<StoredEvent> EVENT = (rs, row) -> new StoredEvent(rs.getLong("id"), rs.getString("domain"),
			time(rs));

	private final OutgoingPool<RdbmsClient> pool;

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	public JdbcDomainStore(OutgoingPool<RdbmsClient> pool) {
		this.pool = pool;
		DataSourceTransactionManager manager = new DataSourceTransactionManager(pool.client().dataSource());
		this.writes = new TransactionTemplate(manager);
		// One snapshot for a page and the event id that goes with it.
		this.reads = new TransactionTemplate(manager);
		this.reads.setReadOnly(true);
		this.reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	@Override
	public Change add(String domain, String hostType) {
		try {
			return write(jdbc -> insertUnlessPresent(jdbc, domain, hostType));
		}
		catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
			// A concurrent add of the same domain won (PostgreSQL: unique violation; MariaDB: a
			// deadlock on the gap lock of the missing row): read what it wrote.
			return write(jdbc -> insertUnlessPresent(jdbc, domain, hostType));
		}
	}

	private static Change insertUnlessPresent(JdbcTemplate jdbc, String domain, String hostType) {
		Optional<DomainEntry> existing = findForUpdate(jdbc, domain);
		if (existing.isPresent()) {
			return Change.unchanged(existing.get());
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement(
					"insert into domain_settings (domain, host_type, enabled) values (?, ?, true)", new String[] { "id" });
			insert.setString(1, domain);
			insert.setString(2, hostType);
			return insert;
		}, key);
		DomainEntry added = DomainEntry.stored(generatedId(key), domain, hostType, true);
		return new Change(added, writeEvent(jdbc, domain));
	}

	@Override
	public Optional<Change> setEnabled(String domain, boolean enabled) {
		return write(jdbc -> findForUpdate(jdbc, domain).map(existing -> {
			if (existing.enabled() == enabled) {
				return Change.unchanged(existing);
			}
			jdbc.update("update domain_settings set enabled = ? where id = ?", enabled, existing.id());
			DomainEntry updated = DomainEntry.stored(existing.id(), domain, existing.hostType(), enabled);
			return new Change(updated, writeEvent(jdbc, domain));
		}));
	}

	@Override
	public Optional<Change> remove(String domain) {
		return write(jdbc -> findForUpdate(jdbc, domain).map(existing -> {
			jdbc.update("delete from domain_settings where id = ?", existing.id());
			return new Change(existing, writeEvent(jdbc, domain));
		}));
	}

	@Override
	public Optional<DomainEntry> find(String domain) {
		return this.pool.call(c -> c.jdbc().query(COLUMNS + " where domain = ?", ENTRY, domain).stream().findFirst());
	}

	@Override
	public DomainPage list(String hostType, boolean enabledOnly, long afterId, int limit) {
		StringBuilder sql = new StringBuilder(COLUMNS).append(" where id > ?");
		List<Object> args = new ArrayList<>(List.of(afterId));
		if (hostType != null) {
			sql.append(" and host_type = ?");
			args.add(hostType);
		}
		if (enabledOnly) {
			sql.append(" and enabled = true");
		}
		sql.append(" order by id limit ?");
		args.add(limit + 1);
		return read(jdbc -> {
			List<DomainEntry> rows = jdbc.query(sql.toString(), ENTRY, args.toArray());
			long lastEventId = jdbc.queryForObject("select coalesce(max(id), 0) from domain_events", Long.class);
			boolean more = rows.size() > limit;
			return new DomainPage(List.copyOf(more ? rows.subList(0, limit) : rows), more, lastEventId);
		});
	}

	@Override
	public EventPage eventsAfter(long afterId, int limit) {
		return read(jdbc -> {
			List<StoredEvent> events = jdbc.query("select id, domain, time from domain_events where id > ? order by id limit ?", EVENT,
					afterId, limit);
			return jdbc.queryForObject("select coalesce(min(id), 0), coalesce(max(id), 0) from domain_events",
					(rs, row) -> new EventPage(List.copyOf(events), rs.getLong(1), rs.getLong(2)));
		});
	}

	@Override
	public int deleteEventsBefore(Instant cutoff) {
		return write(jdbc -> {
			Long newest = jdbc.queryForObject("select max(id) from domain_events", Long.class);
			if (newest == null) {
				return 0;
			}
			return jdbc.update("delete from domain_events where time < ? and id < ?", Timestamp.from(cutoff), newest);
		});
	}

	private static Optional<DomainEntry> findForUpdate(JdbcTemplate jdbc, String domain) {
		return jdbc.query(COLUMNS + " where domain = ? for update", ENTRY, domain).stream().findFirst();
	}

	private static long writeEvent(JdbcTemplate jdbc, String domain) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement(
					"insert into domain_events (domain, time) values (?, current_timestamp)", new String[] { "id" });
			insert.setString(1, domain);
			return insert;
		}, key);
		return generatedId(key);
	}

	private static long generatedId(KeyHolder key) {
		Number id = key.getKey();
		if (id == null) {
			throw new IllegalStateException("the database returned no generated id");
		}
		return id.longValue();
	}

	private static Instant time(ResultSet rs) throws SQLException {
		Timestamp time = rs.getTimestamp("time");
		return (time != null) ? time.toInstant() : null;
	}

	private <T> T write(Work<T> work) {
		return this.pool.call(c -> this.writes.execute(status -> work.apply(c.jdbc())));
	}

	private <T> T read(Work<T> work) {
		return this.pool.call(c -> this.reads.execute(status -> work.apply(c.jdbc())));
	}

	@FunctionalInterface
	private interface Work<T> {

		T apply(JdbcTemplate jdbc);

	}

}
