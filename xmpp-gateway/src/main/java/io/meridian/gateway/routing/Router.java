package io.meridian.gateway.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.meridian.gateway.domain.HostedDomains;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;

/**
 * Delivers stanzas from local sessions by their {@code to} address, following RFC 6121 section
 * 8.5: a full JID goes to that session; a message to a bare JID goes to the available
 * resources of highest non-negative priority, or to {@link OfflineStorage} when there are none;
 * IQs to the server or to the sender's own account go to the handler of their namespace, and
 * those to another account's bare JID to the same handler, which answers for that account;
 * presence goes to the {@link PresenceHandler}; anything nobody can take gets the prescribed error.
 */
public class Router {

	private final SessionRegistry sessions;

	private final HostedDomains domains;

	private final Map<String, IqHandler> handlers;

	private final PresenceHandler presence;

	private final OfflineStorage offline;

	/** A router that keeps no offline messages. */
	public Router(SessionRegistry sessions, HostedDomains domains, List<IqHandler> handlers, PresenceHandler presence) {
		this(sessions, domains, handlers, presence, OfflineStorage.NONE);
	}

	public Router(SessionRegistry sessions, HostedDomains domains, List<IqHandler> handlers, PresenceHandler presence,
			OfflineStorage offline) {
		this.sessions = sessions;
		this.domains = domains;
		this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(IqHandler::namespace, Function.identity()));
		this.presence = presence;
		this.offline = offline;
	}

	/** Routes a stanza a session sent, all of it on the calling thread; {@code from} is already stamped on it. */
	public void route(LocalSession sender, Element stanza) {
		route(sender, stanza, Runnable::run);
	}

	/**
	 * Routes a stanza a session sent; {@code from} is already stamped on it. What may wait on a
	 * database (an IQ handler that says it blocks, a presence its handler says blocks, a message
	 * for offline storage) is handed to {@code blocking}, at most once per stanza and as the last
	 * step, so the caller can hold the session's next stanzas until it is done; everything else
	 * (messages to online users, pings, directed presence) runs on the calling thread.
	 */
	public void route(LocalSession sender, Element stanza, Executor blocking) {
		String to = stanza.attribute("to");
		Jid target;
		try {
			target = (to == null) ? null : Jid.parse(to);
		}
		catch (IllegalArgumentException ex) {
			sender.deliver(StanzaError.JID_MALFORMED.replyTo(stanza, ex.getMessage()));
			return;
		}
		switch (stanza.name()) {
			case "iq" -> iq(sender, stanza, target, blocking);
			case "message" -> message(sender, stanza, target, blocking);
			case "presence" -> presence(sender, stanza, target, blocking);
			default -> sender.deliver(StanzaError.SERVICE_UNAVAILABLE.replyTo(stanza, null));
		}
	}

	private void iq(LocalSession sender, Element iq, Jid target, Executor blocking) {
		String type = iq.attribute("type");
		if (type == null || iq.attribute("id") == null) {
			sender.deliver(StanzaError.BAD_REQUEST.replyTo(iq, "an iq needs a type and an id"));
			return;
		}
		boolean toServerOrSelf = target == null || (target.local() == null && target.resource() == null && this.domains.isServed(target.domain()))
				|| target.equals(sender.jid().bare());
		if (!toServerOrSelf) {
			if (target.local() != null && target.isBare() && this.domains.isServed(target.domain())) {
				iqForAccount(sender, iq, type, target, blocking);
			}
			else {
				deliverToFullJid(sender, iq, target);
			}
			return;
		}
		if (type.equals("result") || type.equals("error")) {
			return;
		}
		Element payload = Stanzas.payload(iq);
		IqHandler handler = (payload != null) ? this.handlers.get(payload.namespace()) : null;
		if (handler == null) {
			sender.deliver(StanzaError.SERVICE_UNAVAILABLE.replyTo(iq, null));
			return;
		}
		run(handler.blocking(), blocking, () -> deliver(sender, handler.handle(iq, sender)));
	}

	/** RFC 6121 8.5.2.1.3 and 8.5.2.2.3: the server answers an IQ to a bare JID on the account's behalf. */
	private void iqForAccount(LocalSession sender, Element iq, String type, Jid account, Executor blocking) {
		if (type.equals("result") || type.equals("error")) {
			// RFC 6120 8.2.3: nobody answers a result or an error, and a bare JID has no session to take it.
			return;
		}
		Element payload = Stanzas.payload(iq);
		IqHandler handler = (payload != null) ? this.handlers.get(payload.namespace()) : null;
		if (handler == null) {
			sender.deliver(StanzaError.SERVICE_UNAVAILABLE.replyTo(iq, null));
			return;
		}
		run(handler.blockingForAccount(), blocking, () -> sender.deliver(handler.handleForAccount(iq, sender, account)));
	}

	private void message(LocalSession sender, Element message, Jid target, Executor blocking) {
		if (target == null) {
			target = sender.jid().bare();
		}
		if (!this.domains.isServed(target.domain())) {
			bounce(sender, message, StanzaError.REMOTE_SERVER_NOT_FOUND);
			return;
		}
		if (!target.isBare()) {
			LocalSession session = this.sessions.session(target);
			if (session != null) {
				session.deliver(message);
				return;
			}
			// RFC 6121 8.5.3.2.1: treat as if addressed to the bare JID.
		}
		Collection<LocalSession> recipients = highestPriority(target.bare());
		if (recipients.isEmpty()) {
			noAvailableResource(sender, message, target.bare(), blocking);
			return;
		}
		recipients.forEach(s -> s.deliver(message));
	}

	/**
	 * RFC 6121 8.5.2.2.1: a headline or an error is dropped, a groupchat bounced, chat and normal
	 * (an unknown or missing type counts as normal, 5.2.2) kept offline where the storage takes
	 * them, else bounced with {@code service-unavailable}.
	 */
	private void noAvailableResource(LocalSession sender, Element message, Jid account, Executor blocking) {
		String type = message.attribute("type");
		if ("headline".equals(type) || "error".equals(type)) {
			return;
		}
		if ("groupchat".equals(type)) {
			bounce(sender, message, StanzaError.SERVICE_UNAVAILABLE);
			return;
		}
		blocking.execute(() -> {
			if (!this.offline.store(account, message)) {
				bounce(sender, message, StanzaError.SERVICE_UNAVAILABLE);
			}
		});
	}

	private void presence(LocalSession sender, Element presence, Jid target, Executor blocking) {
		if (target != null && !this.domains.isServed(target.domain())) {
			// No server-to-server yet: every other domain is unreachable.
			bounce(sender, presence, StanzaError.REMOTE_SERVER_NOT_FOUND);
			return;
		}
		run(this.presence.blocking(sender, presence, target), blocking, () -> deliver(sender, this.presence.handle(sender, presence, target)));
	}

	private static void run(boolean blocks, Executor blocking, Runnable work) {
		if (blocks) {
			blocking.execute(work);
		}
		else {
			work.run();
		}
	}

	/** Writes each delivery to its session; the sender is reached directly, it may be unregistered already. */
	private void deliver(LocalSession sender, List<Delivery> deliveries) {
		for (Delivery delivery : deliveries) {
			if (delivery.to().equals(sender.jid())) {
				sender.deliver(delivery.stanza());
			}
			else {
				this.sessions.deliver(delivery);
			}
		}
	}

	private void deliverToFullJid(LocalSession sender, Element stanza, Jid target) {
		if (!this.domains.isServed(target.domain())) {
			bounce(sender, stanza, StanzaError.REMOTE_SERVER_NOT_FOUND);
			return;
		}
		LocalSession session = target.isBare() ? null : this.sessions.session(target);
		if (session == null) {
			bounce(sender, stanza, StanzaError.SERVICE_UNAVAILABLE);
			return;
		}
		session.deliver(stanza);
	}

	private Collection<LocalSession> highestPriority(Jid bare) {
		List<LocalSession> available = this.sessions.sessions(bare).stream().filter(s -> s.available() && s.priority() >= 0).toList();
		int top = available.stream().mapToInt(LocalSession::priority).max().orElse(0);
		return available.stream().filter(s -> s.priority() == top).toList();
	}

	private static void bounce(LocalSession sender, Element stanza, StanzaError error) {
		if (!"error".equals(stanza.attribute("type"))) {
			sender.deliver(error.replyTo(stanza, null));
		}
	}

}
