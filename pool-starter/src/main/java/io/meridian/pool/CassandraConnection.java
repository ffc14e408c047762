package io.meridian.pool;

import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection options of a {@code cassandra} pool, as MongooseIM's
 * {@code outgoing_pools.cassandra.*.connection}, for the DataStax Java driver.
 *
 * @param servers the contact points, tried in order; one server at 127.0.0.1:9042 by default
 * @param keyspace the keyspace unqualified table names refer to; none by default (MongooseIM uses
 * {@code mongooseim}, which must exist first, so here the keyspace is given explicitly)
 * @param localDatacenter the datacenter whose nodes are queried; when absent it is inferred from the
 * contact points, which must then all be in one datacenter (MongooseIM's client has no such option)
 * @param username the user to log in as with Cassandra's PasswordAuthenticator; needs {@code password}
 * @param password the user's password; never logged
 * @param tls TLS to every node; plain TCP when absent
 */
public record CassandraConnection(List<Server> servers, String keyspace, String localDatacenter, String username,
		String password, TlsOptions tls) {

	static final int DEFAULT_PORT = 9042;

	/** Cassandra's own rule for keyspace names. */
	private static final String KEYSPACE_NAME = "\\w{1,48}";

	public CassandraConnection {
		servers = (servers == null || servers.isEmpty()) ? List.of(new Server("127.0.0.1", DEFAULT_PORT)) : List.copyOf(servers);
		if (keyspace != null && !keyspace.matches(KEYSPACE_NAME)) {
			throw new IllegalArgumentException(
					"keyspace must be 1 to 48 letters, digits or underscores, was '" + keyspace + "'");
		}
		if (localDatacenter != null && localDatacenter.isBlank()) {
			throw new IllegalArgumentException("local-datacenter must not be blank; leave it out to infer it");
		}
		if ((username == null) != (password == null)) {
			throw new IllegalArgumentException("username and password go together: give both or neither");
		}
	}

	/** Hides the password, since the options end up in log lines and failure messages. */
	@Override
	public String toString() {
		return "CassandraConnection[servers=" + this.servers + ", keyspace=" + this.keyspace + ", localDatacenter="
				+ this.localDatacenter + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "******" : null) + ", tls=" + this.tls + "]";
	}

	/**
	 * One contact point.
	 *
	 * @param host the node's host name or address
	 * @param port the node's CQL port
	 */
	public record Server(String host, @DefaultValue("9042") int port) {

		public Server {
			if (host == null || host.isBlank()) {
				throw new IllegalArgumentException("host is required");
			}
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
			}
		}

		@Override
		public String toString() {
			return (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
		}

	}

}
