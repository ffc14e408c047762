package io.meridian.pool;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Connection options of an {@code ldap} pool, as MongooseIM's
 * {@code outgoing_pools.ldap.*.connection}.
 *
 * @param servers the servers' host names, tried in order until one answers
 * @param port the port of every server; 389, or 636 with {@code encrypt: tls}
 * @param encrypt {@code none} (plain LDAP) or {@code tls} (LDAPS: TLS from the first byte)
 * @param tls TLS options for {@code encrypt: tls}; verified TLS with the JVM's trust store when absent
 * @param rootdn the DN to bind as; anonymous when absent
 * @param password the password of {@code rootdn}; never logged
 * @param connectInterval how long a server that could not be reached is tried only after the others; a bare
 * number is milliseconds, as in MongooseIM
 * @param base the DN that names in calls are relative to; the directory's root when absent
 */
public record LdapConnection(List<String> servers, Integer port, @DefaultValue("none") Encrypt encrypt, TlsOptions tls,
		String rootdn, String password, @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("10s") Duration connectInterval,
		String base) {

	public LdapConnection {
		servers = (servers == null || servers.isEmpty()) ? List.of("localhost") : List.copyOf(servers);
		for (String server : servers) {
			if (server == null || server.isBlank() || server.contains("/")) {
				throw new IllegalArgumentException("servers: '" + server + "' is not a host name");
			}
		}
		encrypt = (encrypt != null) ? encrypt : Encrypt.NONE;
		if (tls != null && encrypt != Encrypt.TLS) {
			throw new IllegalArgumentException("tls options need 'encrypt: tls'");
		}
		if (encrypt == Encrypt.TLS && tls == null) {
			tls = TlsOptions.defaults();
		}
		if (port == null) {
			port = (encrypt == Encrypt.TLS) ? 636 : 389;
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
		}
		if (rootdn != null && rootdn.isBlank()) {
			rootdn = null;
		}
		if (rootdn != null && (password == null || password.isEmpty())) {
			// An empty password would be an unauthenticated bind (RFC 4513), which servers refuse or treat as anonymous.
			throw new IllegalArgumentException("rootdn needs a password");
		}
		if (connectInterval == null || connectInterval.isNegative()) {
			throw new IllegalArgumentException("connect-interval must not be negative");
		}
	}

	/** One URL per server, in order. */
	public List<String> urls() {
		String scheme = (this.encrypt == Encrypt.TLS) ? "ldaps://" : "ldap://";
		return this.servers.stream()
			.map(host -> scheme + (host.contains(":") ? "[" + host + "]" : host) + ":" + this.port)
			.toList();
	}

	/** Hides the password, since the options end up in log lines and failure messages. */
	@Override
	public String toString() {
		return "LdapConnection[servers=" + this.servers + ", port=" + this.port + ", encrypt=" + this.encrypt + ", tls="
				+ this.tls + ", rootdn=" + this.rootdn + ", password=" + ((this.password != null) ? "******" : null)
				+ ", connectInterval=" + this.connectInterval + ", base=" + this.base + "]";
	}

	/** How the connection to the server is protected. */
	public enum Encrypt {

		NONE, TLS

	}

}
