package io.meridian.gateway.admin;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.api.AdminRefusedException;
import io.meridian.gateway.api.v1.AccountRef;
import io.meridian.gateway.api.v1.OfflineCountResponse;
import io.meridian.gateway.api.v1.SendMessageRequest;
import io.meridian.gateway.api.v1.SendStanzaRequest;
import io.meridian.gateway.api.v1.StanzaAdminGrpc;
import io.meridian.gateway.api.v1.StanzaSent;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.routing.OfflineStorage;
import io.meridian.gateway.routing.Router;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stream.Namespaces;
import io.meridian.gateway.stream.StreamException;
import io.meridian.gateway.stream.StreamLimits;
import io.meridian.gateway.stream.XmlStreamDecoder;

/**
 * Stanzas sent in a user's name, routed as if that user's client had sent them: the same
 * delivery rules, and any error that would bounce back to the client is logged instead. Also
 * the size of a user's offline queue.
 */
public class StanzaAdminService extends StanzaAdminGrpc.StanzaAdminImplBase {

	private static final Logger log = LoggerFactory.getLogger(StanzaAdminService.class);

	private static final Set<String> STANZAS = Set.of("message", "presence", "iq");

	private static final Set<String> MESSAGE_TYPES = Set.of("chat", "normal", "headline");

	private final Accounts accounts;

	private final Router router;

	private final OfflineStorage offline;

	private final StreamLimits limits;

	private final AdminSupport support;

	public StanzaAdminService(Accounts accounts, Router router, OfflineStorage offline, StreamLimits limits, AdminSupport support) {
		this.accounts = accounts;
		this.router = router;
		this.offline = offline;
		this.limits = limits;
		this.support = support;
	}

	@Override
	public void sendMessage(SendMessageRequest request, StreamObserver<StanzaSent> response) {
		this.support.answer(response, () -> {
			Jid from = sender("from", request.getFrom());
			Jid to = this.support.jid("to", request.getTo());
			String type = request.getType().isEmpty() ? "chat" : request.getType();
			if (!MESSAGE_TYPES.contains(type)) {
				throw AdminRefusedException.invalid("type", "type must be chat, normal or headline, was '" + type + "'");
			}
			if (request.getBody().isEmpty()) {
				throw AdminRefusedException.invalid("body", "the body is empty");
			}
			Element message = Element.builder("message", Namespaces.CLIENT)
				.attribute("from", from.toString())
				.attribute("to", to.toString())
				.attribute("type", type)
				.attribute("id", UUID.randomUUID().toString())
				.child(Element.builder("body", Namespaces.CLIENT).text(request.getBody()).build())
				.build();
			return send(from, message);
		});
	}

	@Override
	public void sendStanza(SendStanzaRequest request, StreamObserver<StanzaSent> response) {
		this.support.answer(response, () -> {
			Element stanza;
			try {
				stanza = XmlStreamDecoder.parseStanza(request.getStanza(), this.limits);
			}
			catch (StreamException | IllegalArgumentException ex) {
				throw AdminRefusedException.invalid("stanza", ex.getMessage());
			}
			if (!STANZAS.contains(stanza.name()) || !Namespaces.CLIENT.equals(stanza.namespace())) {
				throw AdminRefusedException.invalid("stanza", "<" + stanza.name() + "/> is not a message, presence or iq in jabber:client");
			}
			if (stanza.attribute("from") == null) {
				throw AdminRefusedException.invalid("stanza", "the stanza needs a from: the user it is sent as");
			}
			Jid from = sender("stanza", stanza.attribute("from"));
			if (stanza.attribute("id") == null) {
				stanza = stanza.withAttribute("id", UUID.randomUUID().toString());
			}
			return send(from, stanza);
		});
	}

	@Override
	public void offlineCount(AccountRef request, StreamObserver<OfflineCountResponse> response) {
		this.support.answer(response, () -> {
			Jid account = this.support.account(request.getDomain(), request.getUsername());
			if (!this.accounts.exists(account.local(), account.domain())) {
				throw this.support.unknownAccount(account);
			}
			return OfflineCountResponse.newBuilder().setJid(account.toString()).setCount(this.offline.count(account)).build();
		});
	}

	/** A user of a served domain who has an account. */
	private Jid sender(String field, String text) {
		Jid jid = this.support.jid(field, text);
		Jid account = this.support.account(jid.domain(), (jid.local() != null) ? jid.local() : "");
		if (!this.accounts.exists(account.local(), account.domain())) {
			throw this.support.unknownAccount(account);
		}
		return jid;
	}

	private StanzaSent send(Jid from, Element stanza) {
		this.router.route(new AdminSender(from), stanza);
		log.info("Admin API sent <{}/> as {} to {}", stanza.name(), from, stanza.attribute("to"));
		return StanzaSent.newBuilder().setId(stanza.attribute("id")).build();
	}

	/** The user a stanza is sent as; what would come back to its client is only logged. */
	private record AdminSender(Jid jid) implements LocalSession {

		@Override
		public String address() {
			return "admin-api";
		}

		@Override
		public Instant since() {
			return Instant.now();
		}

		@Override
		public boolean available() {
			return false;
		}

		@Override
		public int priority() {
			return 0;
		}

		@Override
		public Element presence() {
			return null;
		}

		@Override
		public void updatePresence(Element presence) {
		}

		@Override
		public boolean interested() {
			return false;
		}

		@Override
		public void markInterested() {
		}

		@Override
		public Set<Jid> directedPresence() {
			// Directed presence sent in the user's name is not followed by an unavailable one.
			return new java.util.HashSet<>();
		}

		@Override
		public void deliver(Element stanza) {
			log.info("Reply to a stanza the admin API sent as {}: {}", this.jid, stanza.toXml(Namespaces.CLIENT));
		}

		@Override
		public void end(String condition, String text) {
		}

	}

}
