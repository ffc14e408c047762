package io.meridian.pool;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection options of an {@code elastic} pool, as MongooseIM's
 * {@code outgoing_pools.elastic.*.connection}: one Elasticsearch or OpenSearch node, spoken to
 * over its REST API (plain HTTP and JSON, the same for both).
 *
 * @param host the node's host name or address; {@code localhost} by default
 * @param port the node's HTTP port; 9200 by default
 * @param username the user for HTTP basic authentication; none by default
 * @param password that user's password; needs {@code username}; never logged
 * @param tls TLS to the node: {@code https} when present, plain {@code http} when absent
 */
public record ElasticConnection(@DefaultValue("localhost") String host, @DefaultValue("9200") int port, String username,
		String password, TlsOptions tls) {

	public ElasticConnection {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("host is required, e.g. localhost");
		}
		host = host.trim();
		if (host.contains("://")) {
			throw new IllegalArgumentException("host '" + host + "' takes a host name only; for https add a tls block");
		}
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
		}
		if ((username == null) != (password == null)) {
			throw new IllegalArgumentException("username and password go together: give both or neither");
		}
	}

	/** {@code https} with a tls block, {@code http} without. */
	public String scheme() {
		return (this.tls != null) ? "https" : "http";
	}

	/** Hides the password, since the options end up in log lines and failure messages. */
	@Override
	public String toString() {
		return "ElasticConnection[server=" + scheme() + "://" + this.host + ":" + this.port + ", username=" + this.username
				+ ", password=" + ((this.password != null) ? "******" : null) + ", tls=" + this.tls + "]";
	}

}
