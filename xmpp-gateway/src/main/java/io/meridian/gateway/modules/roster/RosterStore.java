package io.meridian.gateway.modules.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.meridian.gateway.stanza.Jid;
import io.meridian.pool.OutgoingPool;
import io.meridian.pool.RdbmsClient;

/**
 * Rosters in the gateway's rdbms pool (tables of {@code V2__roster.sql}). Changes run in
 * transactions that first lock the roster versions of every account they touch, in one fixed
 * order: a subscription changes the user's and the contact's rows together, and two users
 * answering each other at the same moment must not deadlock or lose a change.
 */
public class RosterStore {

	private static final String ITEM_COLUMNS = "contact, name, subscription, ask, pending_in, request, approved, listed";

	private final OutgoingPool<RdbmsClient> pool;

	private final TransactionTemplate transactions;

	public RosterStore(OutgoingPool<RdbmsClient> pool) {
		this.pool = pool;
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool.client().dataSource()));
	}

	/**
	 * A roster as stored.
	 *
	 * @param version the roster version (0 before the first change)
	 * @param items every item, unlisted ones (pending requests only) included
	 */
	public record Roster(long version, List<RosterItem> items) {
	}

	/** Reads an account's roster; the version first, so a concurrent change can only make it look older. */
	public Roster read(Jid owner) {
		return this.pool.call(client -> {
			JdbcTemplate jdbc = client.jdbc();
			List<Long> version = jdbc.queryForList("select version from roster_versions where domain = ? and username = ?", Long.class,
					owner.domain(), owner.local());
			Map<String, List<String>> groups = new HashMap<>();
			jdbc.query("select contact, group_name from roster_groups where domain = ? and username = ? order by group_name",
					rs -> {
						groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
					}, owner.domain(), owner.local());
			List<RosterItem> items = jdbc.query("select " + ITEM_COLUMNS + " from roster_items where domain = ? and username = ? order by contact",
					(rs, row) -> item(rs, groups.getOrDefault(rs.getString(1), List.of())), owner.domain(), owner.local());
			return new Roster(version.isEmpty() ? 0 : version.getFirst(), items);
		});
	}

	/**
	 * Runs work in one transaction holding the roster versions of the owners. A first change of
	 * two rosters at once may collide on creating a version row; it is tried once more.
	 */
	public <T> T change(Collection<Jid> owners, Function<Rows, T> work) {
		try {
			return changeOnce(owners, work);
		}
		catch (DuplicateKeyException ex) {
			return changeOnce(owners, work);
		}
	}

	private <T> T changeOnce(Collection<Jid> owners, Function<Rows, T> work) {
		return this.pool.call(client -> this.transactions.execute(status -> {
			Rows rows = new Rows(client.jdbc());
			owners.stream().map(Jid::bare).distinct().sorted(Comparator.comparing(Jid::toString)).forEach(rows::lock);
			return work.apply(rows);
		}));
	}

	private static RosterItem item(ResultSet rs, List<String> groups) throws SQLException {
		SubscriptionState state = new SubscriptionState(Subscription.parse(rs.getString("subscription")), rs.getBoolean("ask"),
				rs.getBoolean("pending_in"), rs.getBoolean("approved"));
		return new RosterItem(Jid.parse(rs.getString("contact")), rs.getString("name"), groups, state, rs.getBoolean("listed"),
				rs.getString("request"));
	}

	/** The rows of the locked rosters, inside one transaction. */
	public static final class Rows {

		private final JdbcTemplate jdbc;

		private final Map<Jid, Long> versions = new LinkedHashMap<>();

		private Rows(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		private void lock(Jid owner) {
			List<Long> version = this.jdbc.queryForList("select version from roster_versions where domain = ? and username = ? for update",
					Long.class, owner.domain(), owner.local());
			if (version.isEmpty()) {
				this.jdbc.update("insert into roster_versions (domain, username, version) values (?, ?, 0)", owner.domain(), owner.local());
				this.versions.put(owner, 0L);
			}
			else {
				this.versions.put(owner, version.getFirst());
			}
		}

		/** The owner's item for the contact, {@link RosterItem#absent} when there is no row. */
		public RosterItem item(Jid owner, Jid contact) {
			List<String> groups = this.jdbc.queryForList(
					"select group_name from roster_groups where domain = ? and username = ? and contact = ? order by group_name", String.class,
					owner.domain(), owner.local(), contact.toString());
			List<RosterItem> found = this.jdbc.query(
					"select " + ITEM_COLUMNS + " from roster_items where domain = ? and username = ? and contact = ?",
					(rs, row) -> RosterStore.item(rs, groups), owner.domain(), owner.local(), contact.toString());
			return found.isEmpty() ? RosterItem.absent(contact) : found.getFirst();
		}

		/**
		 * Stores the owner's item as changed from {@code before}: deleted once empty, and the
		 * roster version bumped when the user would see the difference.
		 * @return the owner's roster version afterwards
		 */
		public long save(Jid owner, RosterItem before, RosterItem after) {
			Jid key = owner.bare();
			if (!this.versions.containsKey(key)) {
				throw new IllegalStateException(key + " was not locked for this change");
			}
			if (before.equals(after)) {
				return this.versions.get(key);
			}
			String contact = after.jid().toString();
			if (after.isEmpty()) {
				this.jdbc.update("delete from roster_items where domain = ? and username = ? and contact = ?", owner.domain(), owner.local(), contact);
			}
			else {
				SubscriptionState state = after.state();
				Object[] values = { after.name(), state.subscription().value(), state.pendingOut(), state.pendingIn(), after.request(),
						state.preApproved(), after.listed(), owner.domain(), owner.local(), contact };
				int updated = before.isEmpty() ? 0 : this.jdbc.update("update roster_items set name = ?, subscription = ?, ask = ?, pending_in = ?, "
						+ "request = ?, approved = ?, listed = ? where domain = ? and username = ? and contact = ?", values);
				if (updated == 0) {
					this.jdbc.update("insert into roster_items (name, subscription, ask, pending_in, request, approved, listed, domain, username, contact) "
							+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
				}
				if (!before.groups().equals(after.groups())) {
					this.jdbc.update("delete from roster_groups where domain = ? and username = ? and contact = ?", owner.domain(), owner.local(),
							contact);
					for (String group : after.groups()) {
						this.jdbc.update("insert into roster_groups (domain, username, contact, group_name) values (?, ?, ?, ?)", owner.domain(),
								owner.local(), contact, group);
					}
				}
			}
			if (!before.looksLike(after)) {
				long version = this.versions.get(key) + 1;
				this.jdbc.update("update roster_versions set version = ? where domain = ? and username = ?", version, owner.domain(), owner.local());
				this.versions.put(key, version);
			}
			return this.versions.get(key);
		}

	}

}
