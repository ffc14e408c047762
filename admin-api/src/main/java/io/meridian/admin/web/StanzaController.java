package io.meridian.admin.web;

import java.io.StringReader;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.meridian.admin.security.AdminUser;
import io.meridian.admin.security.AuditTrail;
import io.meridian.gateway.api.GatewayAdminClient;
import io.meridian.gateway.api.v1.OfflineCountResponse;

/**
 * Messages and raw stanzas sent in a user's name, routed as if that user's client had sent
 * them, and the messages waiting in a user's offline queue.
 */
@RestController
@Tag(name = "stanzas", description = "Send messages and stanzas as a user")
class StanzaController {

	private static final XMLInputFactory xml = secureFactory();

	private final GatewayAdminClient gateway;

	private final BackendCalls calls;

	StanzaController(GatewayAdminClient gateway, BackendCalls calls) {
		this.gateway = gateway;
		this.calls = calls;
	}

	@PostMapping("/messages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Send a message from a user of this deployment to any JID")
	@ApiResponse(responseCode = "201", description = "Routed; the answer carries the message's id")
	@ApiResponse(responseCode = "400", description = "A field is missing or malformed (a bad JID, an empty body, an unknown type)")
	@ApiResponse(responseCode = "404", description = "The caller's account or domain does not exist")
	Sent message(@RequestBody(required = false) MessageRequest body, @AuthenticationPrincipal AdminUser user) {
		Require.body(body);
		String caller = Require.text("caller", body.caller());
		String to = Require.text("to", body.to());
		String text = Require.text("body", body.body());
		user.requireDomain(domainOf(caller));
		AuditTrail.note("caller", caller);
		AuditTrail.note("to", to);
		return new Sent(this.calls.gateway(() -> this.gateway.sendMessage(caller, to, text, body.type())));
	}

	@PostMapping("/stanzas")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Route a raw <message/>, <presence/> or <iq/> whose from is a user of this deployment")
	@ApiResponse(responseCode = "201", description = "Routed; the answer carries the stanza's id")
	@ApiResponse(responseCode = "400", description = "Not well-formed, not a stanza, too big, or without a from (field: stanza)")
	Sent stanza(@RequestBody(required = false) StanzaRequest body, @AuthenticationPrincipal AdminUser user) {
		String stanza = Require.text("stanza", Require.body(body).stanza());
		if (!user.unrestricted()) {
			String from = from(stanza).orElseThrow(
					() -> new AccessDeniedException(user.getUsername() + " may only send stanzas with a from in its own domains"));
			user.requireDomain(domainOf(from));
		}
		String id = this.calls.gateway(() -> this.gateway.sendStanza(stanza));
		AuditTrail.note("id", id);
		return new Sent(id);
	}

	@GetMapping("/messages/{domain}/{username}/offline")
	@Operation(summary = "How many messages wait in a user's offline queue (XEP-0160), delivered at the user's next login")
	@ApiResponse(responseCode = "200", description = "The user's bare JID and the number of waiting messages")
	@ApiResponse(responseCode = "404", description = "The domain is not served (UNKNOWN_DOMAIN) or the user does not exist (UNKNOWN_ACCOUNT)")
	OfflineQueue offline(@PathVariable String domain, @PathVariable String username, @AuthenticationPrincipal AdminUser user) {
		user.requireDomain(domain);
		OfflineCountResponse queue = this.calls.gateway(() -> this.gateway.offlineCount(domain, username));
		return new OfflineQueue(queue.getJid(), queue.getCount());
	}

	/** The domainpart of a JID as written, good enough to check an operator's domains; the gateway checks the rest. */
	static String domainOf(String jid) {
		int slash = jid.indexOf('/');
		String bare = (slash >= 0) ? jid.substring(0, slash) : jid;
		return bare.substring(bare.indexOf('@') + 1);
	}

	/** The from of the stanza's top element, read without resolving anything (no DTDs, no entities). */
	static Optional<String> from(String stanza) {
		try {
			XMLStreamReader reader = xml.createXMLStreamReader(new StringReader(stanza));
			try {
				while (reader.hasNext()) {
					if (reader.next() == XMLStreamConstants.START_ELEMENT) {
						return Optional.ofNullable(reader.getAttributeValue(null, "from"));
					}
				}
				return Optional.empty();
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			return Optional.empty();
		}
	}

	private static XMLInputFactory secureFactory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

	/**
	 * @param caller the bare or full JID of the user it is sent as
	 * @param to any JID
	 * @param body the text
	 * @param type chat (the default), normal or headline
	 */
	record MessageRequest(String caller, String to, String body, String type) {
	}

	/** @param stanza one stanza in the jabber:client namespace, as XML text */
	record StanzaRequest(String stanza) {
	}

	/**
	 * @param user the user's bare JID
	 * @param count messages waiting for the user
	 */
	record OfflineQueue(String user, long count) {
	}

	/** @param id the stanza's id, generated when it had none */
	record Sent(String id) {
	}

}
