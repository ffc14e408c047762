package io.meridian.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.ServiceUnavailableException;
import javax.naming.directory.DirContext;

import org.springframework.ldap.core.support.LdapContextSource;

/**
 * The context source of an {@code ldap} pool: opens each connection on the first of its
 * servers that answers, in the configured order. A server that could not be reached goes
 * behind the others for {@code connect-interval} (MongooseIM's reconnect interval), so a dead
 * server does not cost every call its connect timeout; when no other answers it is tried again
 * anyway. Authentication and other LDAP errors are not retried on the next server.
 */
final class LdapServers extends LdapContextSource {

	private final Duration connectInterval;

	/** The TLS socket factory for a host; null for plain LDAP. */
	private final Function<String, LdapTlsSocketFactory> tls;

	private final Map<String, Long> unreachableUntil = new ConcurrentHashMap<>();

	LdapServers(Duration connectInterval, Function<String, LdapTlsSocketFactory> tls) {
		this.connectInterval = connectInterval;
		this.tls = tls;
	}

	@Override
	protected DirContext getDirContextInstance(Hashtable<String, Object> environment) throws NamingException {
		List<String> failures = new ArrayList<>();
		NamingException last = null;
		for (String url : inOrder(((String) environment.get(Context.PROVIDER_URL)).split(" "))) {
			Hashtable<String, Object> single = new Hashtable<>(environment);
			single.put(Context.PROVIDER_URL, url);
			try {
				DirContext context = open(url, single);
				this.unreachableUntil.remove(url);
				return context;
			}
			catch (CommunicationException | ServiceUnavailableException ex) {
				this.unreachableUntil.put(url, System.nanoTime() + this.connectInterval.toNanos());
				failures.add(url + " (" + reason(ex) + ")");
				last = ex;
			}
		}
		if (failures.size() == 1) {
			throw last;
		}
		CommunicationException none = new CommunicationException("no LDAP server answered: " + String.join(", ", failures));
		none.setRootCause(last);
		throw none;
	}

	private DirContext open(String url, Hashtable<String, Object> environment) throws NamingException {
		if (this.tls == null) {
			return super.getDirContextInstance(environment);
		}
		return this.tls.apply(host(url)).opening(() -> super.getDirContextInstance(environment));
	}

	/** Servers not known to be unreachable first, each group in the configured order. */
	private List<String> inOrder(String[] urls) {
		long now = System.nanoTime();
		List<String> ordered = new ArrayList<>(urls.length);
		List<String> resting = new ArrayList<>();
		for (String url : urls) {
			Long until = this.unreachableUntil.get(url);
			((until != null && until - now > 0) ? resting : ordered).add(url);
		}
		ordered.addAll(resting);
		return ordered;
	}

	/** {@code ldaps://host:636/base} to {@code host}, IPv6 brackets removed. */
	static String host(String url) {
		String authority = url.substring(url.indexOf("//") + 2);
		int slash = authority.indexOf('/');
		authority = (slash >= 0) ? authority.substring(0, slash) : authority;
		return authority.substring(0, authority.lastIndexOf(':')).replace("[", "").replace("]", "");
	}

	private static String reason(NamingException ex) {
		Throwable cause = (ex.getRootCause() != null) ? ex.getRootCause() : ex;
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
