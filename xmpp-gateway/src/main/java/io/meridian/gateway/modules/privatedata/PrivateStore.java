package io.meridian.gateway.modules.privatedata;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.meridian.gateway.stanza.Jid;
import io.meridian.pool.OutgoingPool;
import io.meridian.pool.RdbmsClient;

/**
 * Private XML in the gateway's rdbms pool (table of {@code V6__private_storage.sql}): one row
 * per account and key, with its size in bytes so the account's total is one sum. Rows go with
 * their account.
 */
public class PrivateStore {

	private final OutgoingPool<RdbmsClient> pool;

	private final TransactionTemplate transactions;

	public PrivateStore(OutgoingPool<RdbmsClient> pool) {
		this.pool = pool;
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool.client().dataSource()));
	}

	/** What became of a set. */
	public enum Put {
		STORED, OVER_LIMIT, NO_ACCOUNT
	}

	public Optional<String> find(Jid owner, PrivateKey key) {
		return this.pool.call(c -> c.jdbc().queryForList("select xml from private_storage where domain = ? and username = ? and namespace = ? and name = ?",
				String.class, owner.domain(), owner.local(), key.namespace(), key.name())).stream().findFirst();
	}

	/**
	 * Stores several items at once, replacing those under the same keys, if the account's total
	 * stays within {@code maxSize} bytes. The account row is locked first, so concurrent sets of
	 * one account follow each other and the total holds.
	 */
	public Put put(Jid owner, Map<PrivateKey, String> items, long maxSize) {
		return this.pool.call(client -> this.transactions.execute(status -> {
			JdbcTemplate jdbc = client.jdbc();
			if (jdbc.queryForList("select username from accounts where domain = ? and username = ? for update", String.class, owner.domain(),
					owner.local()).isEmpty()) {
				return Put.NO_ACCOUNT;
			}
			Map<PrivateKey, Long> sizes = new HashMap<>();
			jdbc.query("select namespace, name, size from private_storage where domain = ? and username = ?",
					rs -> {
						sizes.put(new PrivateKey(rs.getString(1), rs.getString(2)), rs.getLong(3));
					}, owner.domain(), owner.local());
			items.forEach((key, xml) -> sizes.put(key, (long) size(xml)));
			if (sizes.values().stream().mapToLong(Long::longValue).sum() > maxSize) {
				return Put.OVER_LIMIT;
			}
			items.forEach((key, xml) -> {
				jdbc.update("delete from private_storage where domain = ? and username = ? and namespace = ? and name = ?", owner.domain(),
						owner.local(), key.namespace(), key.name());
				jdbc.update("insert into private_storage (domain, username, namespace, name, xml, size) values (?, ?, ?, ?, ?, ?)",
						owner.domain(), owner.local(), key.namespace(), key.name(), xml, size(xml));
			});
			return Put.STORED;
		}));
	}

	static int size(String xml) {
		return xml.getBytes(StandardCharsets.UTF_8).length;
	}

}
