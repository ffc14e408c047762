package io.meridian.gateway.admin;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.meridian.gateway.api.AdminError;
import io.meridian.gateway.api.AdminRefusedException;
import io.meridian.gateway.api.v1.KickRequest;
import io.meridian.gateway.api.v1.KickResponse;
import io.meridian.gateway.api.v1.ListSessionsRequest;
import io.meridian.gateway.api.v1.ListSessionsResponse;
import io.meridian.gateway.api.v1.Session;
import io.meridian.gateway.api.v1.SessionAdminGrpc;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.routing.SessionRegistry;
import io.meridian.gateway.stanza.Jid;

/** The sessions on this node, for admin-api: who is connected from where, and kicking them. */
public class SessionAdminService extends SessionAdminGrpc.SessionAdminImplBase {

	private static final Logger log = LoggerFactory.getLogger(SessionAdminService.class);

	private final SessionRegistry sessions;

	private final String node;

	private final AdminSupport support;

	public SessionAdminService(SessionRegistry sessions, String node, AdminSupport support) {
		this.sessions = sessions;
		this.node = node;
		this.support = support;
	}

	@Override
	public void list(ListSessionsRequest request, StreamObserver<ListSessionsResponse> response) {
		this.support.answer(response, () -> {
			Collection<LocalSession> found = request.getUsername().isEmpty()
					? this.sessions.sessions(this.support.servedDomain(request.getDomain()))
					: this.sessions.sessions(this.support.account(request.getDomain(), request.getUsername()));
			ListSessionsResponse.Builder answer = ListSessionsResponse.newBuilder();
			found.stream().sorted(Comparator.comparing(s -> s.jid().toString())).forEach(s -> answer.addSessions(message(s)));
			return answer.build();
		});
	}

	@Override
	public void kick(KickRequest request, StreamObserver<KickResponse> response) {
		this.support.answer(response, () -> {
			Jid user = this.support.account(request.getDomain(), request.getUsername());
			String resource = request.getResource().isEmpty() ? null : request.getResource();
			String reason = request.getReason().isBlank() ? "kicked by the operator" : request.getReason();
			int ended = this.support.endSessions(user, resource, "policy-violation", reason);
			if (ended == 0) {
				String jid = (resource != null) ? user + "/" + resource : user.toString();
				throw new AdminRefusedException(AdminError.NO_SESSION, jid + " has no session on this node", Map.of(AdminRefusedException.JID, jid));
			}
			log.info("Kicked {} session(s) of {} through the admin API: {}", ended, (resource != null) ? user + "/" + resource : user, reason);
			return KickResponse.newBuilder().setSessionsEnded(ended).build();
		});
	}

	private Session message(LocalSession session) {
		return Session.newBuilder()
			.setJid(session.jid().toString())
			.setResource(session.jid().resource())
			.setNode(this.node)
			.setAddress(session.address())
			.setConnectedSince(Timestamp.newBuilder().setSeconds(session.since().getEpochSecond()).setNanos(session.since().getNano()))
			.setPriority(session.priority())
			.setAvailable(session.available())
			.build();
	}

}
