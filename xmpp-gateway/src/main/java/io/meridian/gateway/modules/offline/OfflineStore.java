package io.meridian.gateway.modules.offline;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.meridian.gateway.stanza.Jid;
import io.meridian.pool.OutgoingPool;
import io.meridian.pool.RdbmsClient;

/**
 * The offline queues in the gateway's rdbms pool (table of {@code V4__offline_messages.sql}).
 * Rows go with their account ({@code on delete cascade}).
 */
public class OfflineStore {

	private final OutgoingPool<RdbmsClient> pool;

	private final TransactionTemplate transactions;

	public OfflineStore(OutgoingPool<RdbmsClient> pool) {
		this.pool = pool;
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool.client().dataSource()));
	}

	/** What became of a message offered to a queue. */
	public enum Added {
		STORED, FULL, NO_ACCOUNT
	}

	/**
	 * Appends a stanza to an account's queue if the account exists and holds fewer than
	 * {@code limit} messages. One statement decides and inserts; two senders racing for the last
	 * place may both get it, so a queue can end one or two over the limit, never unbounded.
	 */
	public Added add(Jid owner, String stanza, int limit) {
		int inserted = this.pool.call(c -> c.jdbc().update("insert into offline_messages (domain, username, stanza)"
				+ " select domain, username, ? from accounts where domain = ? and username = ?"
				+ " and (select count(*) from offline_messages where domain = ? and username = ?) < ?", stanza, owner.domain(),
				owner.local(), owner.domain(), owner.local(), limit));
		if (inserted == 1) {
			return Added.STORED;
		}
		boolean exists = this.pool.<Integer>call(c -> c.jdbc().queryForObject("select count(*) from accounts where domain = ? and username = ?",
				Integer.class, owner.domain(), owner.local())) > 0;
		return exists ? Added.FULL : Added.NO_ACCOUNT;
	}

	/**
	 * Removes and returns an account's queue, oldest first. The rows are locked while they are
	 * read, so two resources coming online together never both get a message.
	 */
	public List<String> take(Jid owner) {
		return this.pool.call(client -> this.transactions.execute(status -> {
			JdbcTemplate jdbc = client.jdbc();
			List<Row> rows = jdbc.query("select id, stanza from offline_messages where domain = ? and username = ? order by id for update",
					(rs, n) -> new Row(rs.getLong(1), rs.getString(2)), owner.domain(), owner.local());
			if (!rows.isEmpty()) {
				// By id, not by owner: a message stored meanwhile stays for the next login.
				jdbc.batchUpdate("delete from offline_messages where id = ?", rows.stream().map(r -> new Object[] { r.id() }).toList());
			}
			return rows.stream().map(Row::stanza).toList();
		}));
	}

	/** How many messages wait in an account's queue. */
	public long count(Jid owner) {
		return this.pool.<Long>call(c -> c.jdbc().queryForObject("select count(*) from offline_messages where domain = ? and username = ?",
				Long.class, owner.domain(), owner.local()));
	}

	private record Row(long id, String stanza) {
	}

}
