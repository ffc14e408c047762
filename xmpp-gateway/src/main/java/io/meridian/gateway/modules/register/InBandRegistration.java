package io.meridian.gateway.modules.register;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.meridian.gateway.accounts.AccountExistsException;
import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.modules.disco.DiscoFeatures;
import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;
import io.meridian.gateway.stanza.Stanzas;

/**
 * XEP-0077 in-band registration on the domains where it is switched on: account creation
 * before authentication, password change and account removal after.
 */
public class InBandRegistration implements IqHandler, DiscoFeatures {

	public static final String NAMESPACE = "jabber:iq:register";

	public static final String FEATURE = "http://jabber.org/features/iq-register";

	private static final Logger log = LoggerFactory.getLogger(InBandRegistration.class);

	private final Accounts accounts;

	private final Set<String> domains;

	public InBandRegistration(Accounts accounts, Set<String> domains) {
		this.accounts = accounts;
		this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public String namespace() {
		return NAMESPACE;
	}

	public boolean openOn(String domain) {
		return this.domains.contains(domain);
	}

	/** Disco shows registration only where it is open. */
	@Override
	public Set<String> serverFeatures(String domain) {
		return openOn(domain) ? Set.of(NAMESPACE) : Set.of();
	}

	/** @param from the sender's full JID, or just the stream's domain before authentication */
	@Override
	public Element handle(Element iq, Jid from) {
		if (!openOn(from.domain())) {
			return StanzaError.SERVICE_UNAVAILABLE.replyTo(iq, "registration is off on " + from.domain());
		}
		Element query = iq.child("query", NAMESPACE);
		boolean authenticated = from.local() != null;
		if ("get".equals(iq.attribute("type"))) {
			Element.Builder form = Element.builder("query", NAMESPACE);
			if (authenticated) {
				form.child(Element.builder("registered", NAMESPACE).build())
					.child(Element.builder("username", NAMESPACE).text(from.local()).build());
			}
			else {
				form.child(Element.builder("instructions", NAMESPACE).text("Choose a user name and password.").build())
					.child(Element.builder("username", NAMESPACE).build());
			}
			return Stanzas.result(iq, form.child(Element.builder("password", NAMESPACE).build()).build());
		}
		if (query == null || !"set".equals(iq.attribute("type"))) {
			return StanzaError.BAD_REQUEST.replyTo(iq, null);
		}
		if (query.child("remove", NAMESPACE) != null) {
			if (!authenticated) {
				return StanzaError.NOT_AUTHORIZED.replyTo(iq, "log in to remove your account");
			}
			this.accounts.remove(from.local(), from.domain());
			log.info("Account {} removed by its owner", from.bare());
			return Stanzas.result(iq);
		}
		String username = text(query, "username");
		String password = text(query, "password");
		if (username == null || password == null) {
			return StanzaError.NOT_ACCEPTABLE.replyTo(iq, "username and password are required");
		}
		if (authenticated) {
			if (!username.equalsIgnoreCase(from.local())) {
				return StanzaError.NOT_ALLOWED.replyTo(iq, "you can change only your own password");
			}
			this.accounts.changePassword(from.local(), from.domain(), password);
			log.info("Account {} changed its password", from.bare());
			return Stanzas.result(iq);
		}
		try {
			this.accounts.register(username, from.domain(), password);
		}
		catch (AccountExistsException ex) {
			return StanzaError.CONFLICT.replyTo(iq, "the user name is taken");
		}
		catch (IllegalArgumentException ex) {
			return StanzaError.NOT_ACCEPTABLE.replyTo(iq, ex.getMessage());
		}
		log.info("Account {}@{} registered in band", username.toLowerCase(Locale.ROOT), from.domain());
		return Stanzas.result(iq);
	}

	private static String text(Element query, String name) {
		Element field = query.child(name, NAMESPACE);
		return (field == null || field.text().isEmpty()) ? null : field.text();
	}

}
