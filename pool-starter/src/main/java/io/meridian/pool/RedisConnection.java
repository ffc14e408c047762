package io.meridian.pool;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection options of a {@code redis} pool, as MongooseIM's
 * {@code outgoing_pools.redis.*.connection}, with Redis 6 ACL users and TLS added.
 *
 * @param host the server's host; 127.0.0.1 by default
 * @param port the server's port; 6379 by default
 * @param database the logical database every connection selects; 0 by default
 * @param username the ACL user to log in as (Redis 6 and later); needs {@code password}; the {@code default} user when absent
 * @param password the password of {@code username} or of {@code requirepass}; none when absent or empty; never logged
 * @param tls TLS to the server; plain TCP when absent
 */
public record RedisConnection(@DefaultValue("127.0.0.1") String host, @DefaultValue("6379") int port,
		@DefaultValue("0") int database, String username, String password, TlsOptions tls) {

	public RedisConnection {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("host must not be empty");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
		}
		if (database < 0) {
			throw new IllegalArgumentException("database must be 0 or more, was " + database);
		}
		// MongooseIM's default password is "": no AUTH at all.
		password = (password == null || password.isEmpty()) ? null : password;
		username = (username == null || username.isBlank()) ? null : username;
		if (username != null && password == null) {
			throw new IllegalArgumentException("username '" + username + "' needs a password");
		}
	}

	/** Hides the password, since the options end up in log lines and failure messages. */
	@Override
	public String toString() {
		return "RedisConnection[host=" + this.host + ", port=" + this.port + ", database=" + this.database + ", username="
				+ this.username + ", password=" + ((this.password != null) ? "******" : null) + ", tls=" + this.tls + "]";
	}

}
