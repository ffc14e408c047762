package io.meridian.pool;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLSocketFactory;

import org.springframework.ldap.core.ContextExecutor;
import org.springframework.ldap.core.LdapTemplate;

/**
 * Makes ldap clients: an {@link LdapTemplate} over {@link LdapServers}, bound as {@code rootdn}
 * (or anonymous), with {@code call-timeout} as JNDI's connect and read timeouts. Each call
 * opens its own connection, so nothing is held while a server is down.
 */
final class LdapPoolClientFactory implements PoolClientFactory<LdapTemplate, LdapConnection> {

	/** JNDI's text for a reply that did not come within the read timeout; it has no own type. */
	private static final String READ_TIMED_OUT = "LDAP response read timed out";

	@Override
	public PoolType type() {
		return PoolType.LDAP;
	}

	@Override
	public Class<LdapConnection> connectionType() {
		return LdapConnection.class;
	}

	@Override
	public LdapTemplate create(PoolDefinition definition, LdapConnection connection) {
		return new LdapTemplate(contextSource(definition, connection));
	}

	static LdapServers contextSource(PoolDefinition definition, LdapConnection connection) {
		LdapServers servers;
		Map<String, Object> environment = new HashMap<>();
		String timeout = Long.toString(definition.options().callTimeout().toMillis());
		environment.put("com.sun.jndi.ldap.connect.timeout", timeout);
		environment.put("com.sun.jndi.ldap.read.timeout", timeout);
		if (connection.encrypt() == LdapConnection.Encrypt.TLS) {
			TlsOptions tls = connection.tls();
			SSLSocketFactory sockets = tls.sslContext().getSocketFactory();
			servers = new LdapServers(connection.connectInterval(), host -> new LdapTlsSocketFactory(sockets, tls, host));
			environment.put("java.naming.ldap.factory.socket", LdapTlsSocketFactory.class.getName());
		}
		else {
			servers = new LdapServers(connection.connectInterval(), null);
		}
		servers.setUrls(connection.urls().toArray(String[]::new));
		if (connection.base() != null) {
			servers.setBase(connection.base());
		}
		if (connection.rootdn() != null) {
			servers.setUserDn(connection.rootdn());
			servers.setPassword(connection.password());
		}
		else {
			servers.setAnonymousReadOnly(true);
		}
		servers.setBaseEnvironmentProperties(environment);
		servers.afterPropertiesSet();
		return servers;
	}

	/** Reads the entry at the base (the root DSE without one): connect, bind and one request. */
	@Override
	public void check(LdapTemplate client) {
		client.executeReadOnly((ContextExecutor<Object>) context -> context.getAttributes("", new String[] { "objectClass" }));
	}

	@Override
	public boolean isTimeout(Throwable error) {
		// JNDI's exceptions give their root cause as getCause(), so the chain reaches the socket's.
		return PoolClientFactory.anyCause(error, cause -> cause instanceof SocketTimeoutException
				|| (cause instanceof IOException && cause.getMessage() != null && cause.getMessage().startsWith(READ_TIMED_OUT)));
	}

	@Override
	public void close(LdapTemplate client) {
	}

}
