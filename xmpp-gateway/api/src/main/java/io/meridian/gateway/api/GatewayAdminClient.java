package io.meridian.gateway.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;

import io.meridian.gateway.api.v1.Account;
import io.meridian.gateway.api.v1.AccountAdminGrpc;
import io.meridian.gateway.api.v1.AccountRef;
import io.meridian.gateway.api.v1.BanRequest;
import io.meridian.gateway.api.v1.ChangePasswordRequest;
import io.meridian.gateway.api.v1.Contact;
import io.meridian.gateway.api.v1.ContactRef;
import io.meridian.gateway.api.v1.KickRequest;
import io.meridian.gateway.api.v1.ListAccountsRequest;
import io.meridian.gateway.api.v1.ListAccountsResponse;
import io.meridian.gateway.api.v1.ListContactsRequest;
import io.meridian.gateway.api.v1.ListSessionsRequest;
import io.meridian.gateway.api.v1.OfflineCountResponse;
import io.meridian.gateway.api.v1.RegisterRequest;
import io.meridian.gateway.api.v1.RosterAdminGrpc;
import io.meridian.gateway.api.v1.SendMessageRequest;
import io.meridian.gateway.api.v1.SendStanzaRequest;
import io.meridian.gateway.api.v1.Session;
import io.meridian.gateway.api.v1.SessionAdminGrpc;
import io.meridian.gateway.api.v1.SetContactRequest;
import io.meridian.gateway.api.v1.SetContactResponse;
import io.meridian.gateway.api.v1.SetSubscriptionRequest;
import io.meridian.gateway.api.v1.SetSubscriptionResponse;
import io.meridian.gateway.api.v1.StanzaAdminGrpc;

/**
 * The blocking client of a gateway's admin services, for admin-api. Every call has the same
 * deadline. A refusal comes back as {@link AdminRefusedException}; other failures as the
 * {@link StatusRuntimeException} gRPC raised.
 */
public class GatewayAdminClient {

	private final AccountAdminGrpc.AccountAdminBlockingStub accounts;

	private final SessionAdminGrpc.SessionAdminBlockingStub sessions;

	private final StanzaAdminGrpc.StanzaAdminBlockingStub stanzas;

	private final RosterAdminGrpc.RosterAdminBlockingStub rosters;

	private final Duration deadline;

	/**
	 * @param channel a channel to the gateway's gRPC port, owned by the caller
	 * @param deadline how long each call may take
	 */
	public GatewayAdminClient(Channel channel, Duration deadline) {
		this.accounts = AccountAdminGrpc.newBlockingStub(channel);
		this.sessions = SessionAdminGrpc.newBlockingStub(channel);
		this.stanzas = StanzaAdminGrpc.newBlockingStub(channel);
		this.rosters = RosterAdminGrpc.newBlockingStub(channel);
		this.deadline = deadline;
	}

	public Account register(String domain, String username, String password) {
		return call(() -> accounts().register(
				RegisterRequest.newBuilder().setDomain(domain).setUsername(username).setPassword(password).build()));
	}

	public int remove(String domain, String username) {
		return call(() -> accounts().remove(ref(domain, username)).getSessionsEnded());
	}

	public Account changePassword(String domain, String username, String newPassword) {
		return call(() -> accounts().changePassword(
				ChangePasswordRequest.newBuilder().setDomain(domain).setUsername(username).setNewPassword(newPassword).build()));
	}

	public Account get(String domain, String username) {
		return call(() -> accounts().get(ref(domain, username)));
	}

	public ListAccountsResponse list(String domain, int pageSize, String after) {
		return call(() -> accounts().list(ListAccountsRequest.newBuilder()
			.setDomain(domain)
			.setPageSize(pageSize)
			.setAfter((after != null) ? after : "")
			.build()));
	}

	public Account ban(String domain, String username, String reason) {
		return call(() -> accounts().ban(BanRequest.newBuilder().setDomain(domain).setUsername(username).setReason(reason).build()));
	}

	public Account unban(String domain, String username) {
		return call(() -> accounts().unban(ref(domain, username)));
	}

	/** @param username only this user's sessions; all of the domain's when null */
	public List<Session> sessions(String domain, String username) {
		return call(() -> sessions().list(ListSessionsRequest.newBuilder()
			.setDomain(domain)
			.setUsername((username != null) ? username : "")
			.build()).getSessionsList());
	}

	/** @param resource one session; all of the user's when null */
	public int kick(String domain, String username, String resource, String reason) {
		return call(() -> sessions().kick(KickRequest.newBuilder()
			.setDomain(domain)
			.setUsername(username)
			.setResource((resource != null) ? resource : "")
			.setReason((reason != null) ? reason : "")
			.build()).getSessionsEnded());
	}

	/** @return the message's id */
	public String sendMessage(String from, String to, String body, String type) {
		return call(() -> stanzas().sendMessage(SendMessageRequest.newBuilder()
			.setFrom(from)
			.setTo(to)
			.setBody(body)
			.setType((type != null) ? type : "")
			.build()).getId());
	}

	/** @return the stanza's id */
	public String sendStanza(String stanza) {
		return call(() -> stanzas().sendStanza(SendStanzaRequest.newBuilder().setStanza(stanza).build()).getId());
	}

	/** How many messages wait in a user's offline queue, with the user's canonical JID. */
	public OfflineCountResponse offlineCount(String domain, String username) {
		return call(() -> stanzas().offlineCount(ref(domain, username)));
	}

	/** @param user the bare JID of the roster's account */
	public List<Contact> contacts(String user) {
		return call(() -> rosters().listContacts(ListContactsRequest.newBuilder().setUser(user).build()).getContactsList());
	}

	/** @param name null or empty for none */
	public SetContactResponse setContact(String user, String jid, String name, List<String> groups) {
		return call(() -> rosters().setContact(SetContactRequest.newBuilder()
			.setUser(user)
			.setJid(jid)
			.setName((name != null) ? name : "")
			.addAllGroups((groups != null) ? groups : List.of())
			.build()));
	}

	public void removeContact(String user, String contact) {
		call(() -> rosters().removeContact(ContactRef.newBuilder().setUser(user).setContact(contact).build()));
	}

	/** @param subscription none, to, from or both, from the user's side */
	public SetSubscriptionResponse setSubscription(String user, String contact, String subscription) {
		return call(() -> rosters().setSubscription(
				SetSubscriptionRequest.newBuilder().setUser(user).setContact(contact).setSubscription(subscription).build()));
	}

	private static AccountRef ref(String domain, String username) {
		return AccountRef.newBuilder().setDomain(domain).setUsername(username).build();
	}

	private AccountAdminGrpc.AccountAdminBlockingStub accounts() {
		return this.accounts.withDeadlineAfter(this.deadline.toMillis(), TimeUnit.MILLISECONDS);
	}

	private SessionAdminGrpc.SessionAdminBlockingStub sessions() {
		return this.sessions.withDeadlineAfter(this.deadline.toMillis(), TimeUnit.MILLISECONDS);
	}

	private StanzaAdminGrpc.StanzaAdminBlockingStub stanzas() {
		return this.stanzas.withDeadlineAfter(this.deadline.toMillis(), TimeUnit.MILLISECONDS);
	}

	private RosterAdminGrpc.RosterAdminBlockingStub rosters() {
		return this.rosters.withDeadlineAfter(this.deadline.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static <T> T call(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (StatusRuntimeException ex) {
			throw AdminRefusedException.from(ex).orElseThrow(() -> ex);
		}
	}

}
