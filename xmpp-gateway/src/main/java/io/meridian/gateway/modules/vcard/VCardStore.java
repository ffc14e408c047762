package io.meridian.gateway.modules.vcard;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.meridian.gateway.stanza.Jid;
import io.meridian.pool.OutgoingPool;
import io.meridian.pool.RdbmsClient;

/** vCards in the gateway's rdbms pool (table of {@code V5__vcards.sql}); a vCard goes with its account. */
public class VCardStore {

	private final OutgoingPool<RdbmsClient> pool;

	private final TransactionTemplate transactions;

	public VCardStore(OutgoingPool<RdbmsClient> pool) {
		this.pool = pool;
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool.client().dataSource()));
	}

	/** The stored vCard XML of an account, if it set one. */
	public Optional<String> find(Jid owner) {
		return this.pool.call(c -> c.jdbc().queryForList("select vcard from vcards where domain = ? and username = ?", String.class,
				owner.domain(), owner.local())).stream().findFirst();
	}

	/**
	 * Replaces an account's vCard. The account row is locked first, so two writes of one vCard
	 * follow each other and a removed account gets none.
	 * @return whether the account exists
	 */
	public boolean put(Jid owner, String vcard) {
		return this.pool.call(client -> this.transactions.execute(status -> {
			JdbcTemplate jdbc = client.jdbc();
			if (jdbc.queryForList("select username from accounts where domain = ? and username = ? for update", String.class, owner.domain(),
					owner.local()).isEmpty()) {
				return false;
			}
			jdbc.update("delete from vcards where domain = ? and username = ?", owner.domain(), owner.local());
			jdbc.update("insert into vcards (domain, username, vcard) values (?, ?, ?)", owner.domain(), owner.local(), vcard);
			return true;
		}));
	}

}
