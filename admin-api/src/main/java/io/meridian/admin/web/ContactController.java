package io.meridian.admin.web;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.meridian.admin.security.AdminUser;
import io.meridian.admin.security.AuditTrail;
import io.meridian.gateway.api.GatewayAdminClient;
import io.meridian.gateway.api.v1.Contact;
import io.meridian.gateway.api.v1.SetContactResponse;
import io.meridian.gateway.api.v1.SetSubscriptionResponse;

/**
 * A user's roster, on the gateway: the same changes the user's client can make, pushed to its
 * online resources, plus setting a subscription between two users at once.
 */
@RestController
@RequestMapping("/contacts/{user}")
@Tag(name = "rosters", description = "List, add and remove a user's contacts, and set subscriptions between users")
class ContactController {

	/** The subscriptions PUT accepts, from the user's side. */
	static final List<String> SUBSCRIPTIONS = List.of("none", "to", "from", "both");

	private final GatewayAdminClient gateway;

	private final BackendCalls calls;

	ContactController(GatewayAdminClient gateway, BackendCalls calls) {
		this.gateway = gateway;
		this.calls = calls;
	}

	@GetMapping
	@Operation(summary = "The contacts on a user's roster, in JID order")
	@ApiResponse(responseCode = "200", description = "The roster")
	@ApiResponse(responseCode = "400", description = "user is not a bare JID (field user)")
	@ApiResponse(responseCode = "404", description = "No such account (UNKNOWN_ACCOUNT) or domain (UNKNOWN_DOMAIN)")
	ContactList list(@Parameter(description = "the user's bare JID, user@domain") @PathVariable String user,
			@AuthenticationPrincipal AdminUser caller) {
		caller.requireDomain(StanzaController.domainOf(user));
		List<Contact> contacts = this.calls.gateway(() -> this.gateway.contacts(user));
		return new ContactList(contacts.stream().map(ContactView::of).toList(), contacts.size());
	}

	@PostMapping
	@Operation(summary = "Put a contact on a user's roster, or set the name and groups of one that is on it; the subscription stays")
	@ApiResponse(responseCode = "201", description = "Added; the answer is the item")
	@ApiResponse(responseCode = "204", description = "It was on the roster; its name and groups are set")
	@ApiResponse(responseCode = "400", description = "A field is missing or malformed (user, jid, name, groups); field names it")
	@ApiResponse(responseCode = "404", description = "No such account (UNKNOWN_ACCOUNT) or domain (UNKNOWN_DOMAIN)")
	ResponseEntity<ContactView> add(@PathVariable String user, @RequestBody(required = false) NewContact body,
			@AuthenticationPrincipal AdminUser caller, UriComponentsBuilder uri) {
		caller.requireDomain(StanzaController.domainOf(user));
		NewContact contact = NewContact.checked(body);
		AuditTrail.note("jid", contact.jid());
		SetContactResponse set = this.calls.gateway(() -> this.gateway.setContact(user, contact.jid(), contact.name(), contact.groups()));
		AuditTrail.note("added", set.getAdded());
		if (!set.getAdded()) {
			return ResponseEntity.noContent().build();
		}
		URI location = uri.path("/contacts/{user}/{contact}").buildAndExpand(user, set.getContact().getJid()).toUri();
		return ResponseEntity.created(location).body(ContactView.of(set.getContact()));
	}

	@PutMapping("/{contact}")
	@Operation(summary = "Set the subscription between two users of this deployment, on both rosters at once",
			description = "subscription is the user's: to (the user receives the contact's presence), from (the contact receives the "
					+ "user's), both or none. The contact's item gets the mirror image; requests and pre-approvals between the two end. "
					+ "Online resources get roster pushes and presence starts or stops; no subscription stanza is sent.")
	@ApiResponse(responseCode = "200", description = "Both items as they are now")
	@ApiResponse(responseCode = "400", description = "subscription missing or not none, to, from or both; a bad JID; the same user twice")
	@ApiResponse(responseCode = "404", description = "Either account (UNKNOWN_ACCOUNT) or domain (UNKNOWN_DOMAIN) does not exist")
	SubscriptionView subscription(@PathVariable String user, @PathVariable String contact, @RequestBody(required = false) SubscriptionChange body,
			@AuthenticationPrincipal AdminUser caller) {
		caller.requireDomain(StanzaController.domainOf(user));
		// It changes the contact's roster too.
		caller.requireDomain(StanzaController.domainOf(contact));
		String subscription = SubscriptionChange.checked(body);
		AuditTrail.note("subscription", subscription);
		SetSubscriptionResponse set = this.calls.gateway(() -> this.gateway.setSubscription(user, contact, subscription));
		return new SubscriptionView(ContactView.of(set.getUserItem()), set.hasContactItem() ? ContactView.of(set.getContactItem()) : null);
	}

	@DeleteMapping("/{contact}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Take a contact off a user's roster and end the subscriptions both ways")
	@ApiResponse(responseCode = "204", description = "Removed; the user's online resources get a push with subscription remove")
	@ApiResponse(responseCode = "404", description = "Not on the roster (UNKNOWN_CONTACT), or no such account (UNKNOWN_ACCOUNT)")
	void remove(@PathVariable String user, @PathVariable String contact, @AuthenticationPrincipal AdminUser caller) {
		caller.requireDomain(StanzaController.domainOf(user));
		this.calls.gateway(() -> {
			this.gateway.removeContact(user, contact);
			return null;
		});
	}

	/**
	 * @param jid the contact's bare JID
	 * @param name the name the user gave it; absent when none
	 * @param groups in name order
	 * @param subscription none, to, from or both: {@code to} when the user receives the contact's presence
	 * @param pendingOut the user asked for the contact's presence and has no answer yet (ask='subscribe')
	 * @param pendingIn the contact asked for the user's presence and has no answer yet
	 * @param preApproved the user approved a request the contact has not made yet
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ContactView(String jid, String name, List<String> groups, String subscription, boolean pendingOut, boolean pendingIn,
			boolean preApproved) {

		static ContactView of(Contact contact) {
			return new ContactView(contact.getJid(), contact.getName().isEmpty() ? null : contact.getName(), contact.getGroupsList(),
					contact.getSubscription(), contact.getPendingOut(), contact.getPendingIn(), contact.getPreApproved());
		}

	}

	record ContactList(List<ContactView> items, int total) {
	}

	/**
	 * @param jid the contact's bare JID; required
	 * @param name optional
	 * @param groups optional; none empty, none twice
	 */
	record NewContact(String jid, String name, List<String> groups) {

		/** The body with its required fields there and its groups all strings, before any call. */
		static NewContact checked(NewContact body) {
			Require.body(body);
			String jid = Require.text("jid", body.jid());
			List<String> groups = (body.groups() != null) ? body.groups() : List.of();
			if (groups.stream().anyMatch(Objects::isNull)) {
				throw ApiException.invalid("groups", "groups must be a list of group names, without null");
			}
			return new NewContact(jid, body.name(), groups);
		}

	}

	/** @param subscription none, to, from or both, from the user's side */
	record SubscriptionChange(String subscription) {

		static String checked(SubscriptionChange body) {
			String subscription = Require.text("subscription", Require.body(body).subscription());
			if (!SUBSCRIPTIONS.contains(subscription)) {
				throw ApiException.invalid("subscription", "subscription must be none, to, from or both, was '" + subscription + "'");
			}
			return subscription;
		}

	}

	/**
	 * @param user the user's item for the contact
	 * @param contact the contact's item for the user; absent when the contact's roster does not hold the user
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SubscriptionView(ContactView user, ContactView contact) {
	}

}
