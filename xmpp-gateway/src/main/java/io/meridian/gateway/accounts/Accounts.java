package io.meridian.gateway.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;

import io.meridian.gateway.auth.CredentialStore;
import io.meridian.gateway.auth.ScramCredentials;
import io.meridian.gateway.auth.ScramHash;
import io.meridian.gateway.stanza.Jid;
import io.meridian.pool.OutgoingPool;
import io.meridian.pool.RdbmsClient;

/**
 * The accounts table, through the gateway's rdbms pool. Every password is turned into SCRAM
 * keys for SHA-1 and SHA-256 with a fresh salt and the configured iteration count.
 */
public class Accounts implements CredentialStore {

	private final OutgoingPool<RdbmsClient> pool;

	private final int iterations;

	public Accounts(OutgoingPool<RdbmsClient> pool, int iterations) {
		this.pool = pool;
		this.iterations = iterations;
	}

	/**
	 * Creates an account.
	 * @throws AccountExistsException when it exists already
	 * @throws IllegalArgumentException when the name or domain is not a valid JID part
	 */
	public void register(String username, String domain, String password) {
		Jid jid = Jid.of(username, domain, null);
		requirePassword(password);
		try {
			this.pool.call(c -> c.jdbc().update(
					"insert into accounts (domain, username, scram_sha1, scram_sha256) values (?, ?, ?, ?)", jid.domain(), jid.local(),
					encode(ScramCredentials.derive(ScramHash.SHA_1, password, this.iterations)),
					encode(ScramCredentials.derive(ScramHash.SHA_256, password, this.iterations))));
		}
		catch (DuplicateKeyException ex) {
			throw new AccountExistsException(jid.toString());
		}
	}

	/** @return whether the account existed */
	public boolean changePassword(String username, String domain, String password) {
		Jid jid = Jid.of(username, domain, null);
		requirePassword(password);
		return this.pool.call(c -> c.jdbc().update("update accounts set scram_sha1 = ?, scram_sha256 = ? where domain = ? and username = ?",
				encode(ScramCredentials.derive(ScramHash.SHA_1, password, this.iterations)),
				encode(ScramCredentials.derive(ScramHash.SHA_256, password, this.iterations)), jid.domain(), jid.local())) == 1;
	}

	/** @return whether the account existed */
	public boolean remove(String username, String domain) {
		Jid jid = Jid.of(username, domain, null);
		return this.pool.call(c -> c.jdbc().update("delete from accounts where domain = ? and username = ?", jid.domain(), jid.local())) == 1;
	}

	public boolean exists(String username, String domain) {
		Jid jid = Jid.of(username, domain, null);
		return this.pool.<Integer>call(c -> c.jdbc().queryForObject("select count(*) from accounts where domain = ? and username = ?",
				Integer.class, jid.domain(), jid.local())) > 0;
	}

	public Optional<Account> find(String username, String domain) {
		Jid jid = Jid.of(username, domain, null);
		return this.pool.call(c -> c.jdbc().query("select " + ACCOUNT_COLUMNS + " from accounts where domain = ? and username = ?",
				Accounts::account, jid.domain(), jid.local())).stream().findFirst();
	}

	/** Up to {@code limit} accounts of a domain in username order, after {@code after} (from the first when null). */
	public List<Account> list(String domain, String after, int limit) {
		String folded = Jid.of(null, domain, null).domain();
		return this.pool.call(c -> c.jdbc().query("select " + ACCOUNT_COLUMNS + " from accounts where domain = ? and username > ?"
				+ " order by username limit ?", Accounts::account, folded, (after != null) ? after.toLowerCase(Locale.ROOT) : "", limit));
	}

	public long count(String domain) {
		String folded = Jid.of(null, domain, null).domain();
		return this.pool.<Long>call(c -> c.jdbc().queryForObject("select count(*) from accounts where domain = ?", Long.class, folded));
	}

	/**
	 * Bans or unbans an account: a banned one cannot log in until unbanned.
	 * @param reason why, kept for the operator; null to unban
	 * @return whether the account exists
	 */
	public boolean setBanned(String username, String domain, String reason) {
		Jid jid = Jid.of(username, domain, null);
		return this.pool.call(c -> c.jdbc().update("update accounts set disabled = ?, ban_reason = ? where domain = ? and username = ?",
				reason != null, reason, jid.domain(), jid.local())) == 1;
	}

	private static final String ACCOUNT_COLUMNS = "username, domain, disabled, ban_reason, created_at";

	private static Account account(ResultSet row, int index) throws SQLException {
		return new Account(row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4), row.getTimestamp(5).toInstant());
	}

	/** Banned accounts keep their credentials, so that only a client with the right password hears it is banned. */
	@Override
	public Optional<Stored> credentials(String username, String domain, ScramHash hash) {
		String column = (hash == ScramHash.SHA_1) ? "scram_sha1" : "scram_sha256";
		List<Stored> found = this.pool.call(c -> c.jdbc().query("select " + column + ", disabled from accounts where domain = ? and username = ?",
				(row, index) -> new Stored(decode(hash, row.getString(1)), row.getBoolean(2)), domain.toLowerCase(Locale.ROOT),
				username.toLowerCase(Locale.ROOT)));
		return found.stream().findFirst();
	}

	private static void requirePassword(String password) {
		if (password == null || password.isEmpty()) {
			throw new IllegalArgumentException("the password must not be empty");
		}
	}

	static String encode(ScramCredentials credentials) {
		Base64.Encoder b64 = Base64.getEncoder();
		return credentials.iterations() + "," + b64.encodeToString(credentials.salt()) + "," + b64.encodeToString(credentials.storedKey())
				+ "," + b64.encodeToString(credentials.serverKey());
	}

	static ScramCredentials decode(ScramHash hash, String encoded) {
		String[] parts = encoded.split(",");
		Base64.Decoder b64 = Base64.getDecoder();
		return new ScramCredentials(hash, b64.decode(parts[1]), Integer.parseInt(parts[0]), b64.decode(parts[2]), b64.decode(parts[3]));
	}

}
