package io.meridian.gateway.admin;

import java.util.Map;
import java.util.function.Supplier;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import io.meridian.gateway.api.AdminError;
import io.meridian.gateway.api.AdminRefusedException;
import io.meridian.gateway.domain.HostedDomains;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.routing.SessionRegistry;
import io.meridian.gateway.stanza.Jid;
import io.meridian.pool.PoolException;

/** What every admin service shares: argument checks, refusals as statuses, ending sessions. */
public class AdminSupport {

	private static final Logger log = LoggerFactory.getLogger(AdminSupport.class);

	private final HostedDomains domains;

	private final SessionRegistry sessions;

	public AdminSupport(HostedDomains domains, SessionRegistry sessions) {
		this.domains = domains;
		this.sessions = sessions;
	}

	/** Answers with what the call returns, or with the status its failure maps to. */
	<T> void answer(StreamObserver<T> response, Supplier<T> call) {
		T result;
		try {
			result = call.get();
		}
		catch (AdminRefusedException ex) {
			response.onError(ex.toStatusException());
			return;
		}
		catch (PoolException | DataAccessException ex) {
			log.warn("Admin call failed, the accounts database did not answer: {}", ex.toString());
			response.onError(Status.UNAVAILABLE.withDescription("the accounts database does not answer; nothing was changed").asRuntimeException());
			return;
		}
		catch (RuntimeException ex) {
			log.error("Admin call failed", ex);
			response.onError(Status.INTERNAL.withDescription(ex.getMessage()).asRuntimeException());
			return;
		}
		response.onNext(result);
		response.onCompleted();
	}

	/** The canonical form of a served domain. */
	String servedDomain(String domain) {
		Jid jid = parse("domain", () -> Jid.of(null, domain, null));
		if (!this.domains.isServed(jid.domain())) {
			throw new AdminRefusedException(AdminError.UNKNOWN_DOMAIN, jid.domain() + " is not served here",
					Map.of(AdminRefusedException.DOMAIN, jid.domain()));
		}
		return jid.domain();
	}

	/** The bare JID of an account of a served domain (which may not exist). */
	Jid account(String domain, String username) {
		String served = servedDomain(domain);
		if (username.isEmpty()) {
			throw AdminRefusedException.invalid("username", "the username is empty");
		}
		return parse("username", () -> Jid.of(username, served, null));
	}

	/** A JID given in a request, checked against the RFC 7622 rules. */
	Jid jid(String field, String text) {
		return parse(field, () -> Jid.parse(text));
	}

	AdminRefusedException unknownAccount(Jid jid) {
		return new AdminRefusedException(AdminError.UNKNOWN_ACCOUNT, "no account " + jid, Map.of(AdminRefusedException.JID, jid.toString()));
	}

	/**
	 * Ends a user's sessions on this node with a stream error.
	 * @param resource one session; all of the user's when null
	 * @return how many were ended
	 */
	int endSessions(Jid bare, String resource, String condition, String text) {
		int ended = 0;
		for (LocalSession session : this.sessions.sessions(bare)) {
			if (resource == null || resource.equals(session.jid().resource())) {
				session.end(condition, text);
				ended++;
			}
		}
		return ended;
	}

	private static Jid parse(String field, Supplier<Jid> parse) {
		try {
			return parse.get();
		}
		catch (IllegalArgumentException ex) {
			throw AdminRefusedException.invalid(field, field + ": " + ex.getMessage());
		}
	}

}
