package io.meridian.gateway.admin;

import java.util.Map;

import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.api.AdminError;
import io.meridian.gateway.api.AdminRefusedException;
import io.meridian.gateway.api.v1.Contact;
import io.meridian.gateway.api.v1.ContactRef;
import io.meridian.gateway.api.v1.ContactRemoved;
import io.meridian.gateway.api.v1.ListContactsRequest;
import io.meridian.gateway.api.v1.ListContactsResponse;
import io.meridian.gateway.api.v1.RosterAdminGrpc;
import io.meridian.gateway.api.v1.SetContactRequest;
import io.meridian.gateway.api.v1.SetContactResponse;
import io.meridian.gateway.api.v1.SetSubscriptionRequest;
import io.meridian.gateway.api.v1.SetSubscriptionResponse;
import io.meridian.gateway.modules.roster.RosterChanges;
import io.meridian.gateway.modules.roster.RosterItem;
import io.meridian.gateway.modules.roster.RosterSet;
import io.meridian.gateway.modules.roster.RosterStore;
import io.meridian.gateway.modules.roster.Subscription;
import io.meridian.gateway.stanza.Jid;

/**
 * The rosters of this gateway's accounts, for admin-api. Every change goes through
 * {@link RosterChanges}, the same path a client's roster set or subscription takes, so online
 * resources get their roster pushes and presence follows. Every change is logged.
 */
public class RosterAdminService extends RosterAdminGrpc.RosterAdminImplBase {

	private static final Logger log = LoggerFactory.getLogger(RosterAdminService.class);

	private final Accounts accounts;

	private final RosterStore store;

	private final RosterChanges changes;

	private final AdminSupport support;

	public RosterAdminService(Accounts accounts, RosterStore store, RosterChanges changes, AdminSupport support) {
		this.accounts = accounts;
		this.store = store;
		this.changes = changes;
		this.support = support;
	}

	@Override
	public void listContacts(ListContactsRequest request, StreamObserver<ListContactsResponse> response) {
		this.support.answer(response, () -> {
			Jid user = existingAccount("user", request.getUser());
			ListContactsResponse.Builder answer = ListContactsResponse.newBuilder();
			this.store.read(user).items().stream().filter(RosterItem::listed).forEach(item -> answer.addContacts(message(item)));
			return answer.build();
		});
	}

	@Override
	public void setContact(SetContactRequest request, StreamObserver<SetContactResponse> response) {
		this.support.answer(response, () -> {
			Jid user = existingAccount("user", request.getUser());
			Jid contact = this.support.jid("jid", request.getJid());
			RosterSet set;
			try {
				set = RosterSet.of(user, contact, request.getName(), request.getGroupsList());
			}
			catch (RosterSet.Refused ex) {
				throw AdminRefusedException.invalid(ex.field(), ex.field() + ": " + ex.getMessage());
			}
			RosterChanges.Updated updated = this.changes.update(user, set.jid(), set.name(), set.groups());
			log.info("Contact {} {} on the roster of {} through the admin API", set.jid(), updated.added() ? "added" : "updated", user);
			return SetContactResponse.newBuilder().setContact(message(updated.item())).setAdded(updated.added()).build();
		});
	}

	@Override
	public void removeContact(ContactRef request, StreamObserver<ContactRemoved> response) {
		this.support.answer(response, () -> {
			Jid user = existingAccount("user", request.getUser());
			Jid contact = this.support.jid("contact", request.getContact());
			if (!contact.isBare()) {
				throw AdminRefusedException.invalid("contact", "contact: roster items are bare JIDs, was " + contact);
			}
			if (!this.changes.remove(user, contact)) {
				throw new AdminRefusedException(AdminError.UNKNOWN_CONTACT, contact + " is not on the roster of " + user,
						Map.of(AdminRefusedException.JID, contact.toString()));
			}
			log.info("Contact {} removed from the roster of {} through the admin API", contact, user);
			return ContactRemoved.getDefaultInstance();
		});
	}

	@Override
	public void setSubscription(SetSubscriptionRequest request, StreamObserver<SetSubscriptionResponse> response) {
		this.support.answer(response, () -> {
			Jid user = existingAccount("user", request.getUser());
			Jid contact = existingAccount("contact", request.getContact());
			if (contact.equals(user)) {
				throw AdminRefusedException.invalid("contact", "contact: a user has no subscription to itself");
			}
			Subscription subscription = subscription(request.getSubscription());
			RosterChanges.Settled settled = this.changes.settle(user, contact, subscription);
			log.info("Subscription of {} to {} set to {} through the admin API", user, contact, subscription.value());
			SetSubscriptionResponse.Builder answer = SetSubscriptionResponse.newBuilder().setUserItem(message(settled.user()));
			if (settled.contact().listed()) {
				answer.setContactItem(message(settled.contact()));
			}
			return answer.build();
		});
	}

	/** The bare JID of an account of a served domain that exists. */
	private Jid existingAccount(String field, String text) {
		Jid jid = this.support.jid(field, text);
		if (jid.local() == null || !jid.isBare()) {
			throw AdminRefusedException.invalid(field, field + ": give the account's bare JID, user@domain, was '" + text + "'");
		}
		Jid account = this.support.account(jid.domain(), jid.local());
		if (!this.accounts.exists(account.local(), account.domain())) {
			throw this.support.unknownAccount(account);
		}
		return account;
	}

	private static Subscription subscription(String value) {
		return switch (value) {
			case "none", "to", "from", "both" -> Subscription.parse(value);
			default -> throw AdminRefusedException.invalid("subscription", "subscription must be none, to, from or both, was '" + value + "'");
		};
	}

	private static Contact message(RosterItem item) {
		return Contact.newBuilder()
			.setJid(item.jid().toString())
			.setName((item.name() != null) ? item.name() : "")
			.addAllGroups(item.groups())
			.setSubscription(item.state().subscription().value())
			.setPendingOut(item.state().pendingOut())
			.setPendingIn(item.state().pendingIn())
			.setPreApproved(item.state().preApproved())
			.build();
	}

}
