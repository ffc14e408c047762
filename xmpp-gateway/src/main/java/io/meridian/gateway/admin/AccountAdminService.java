package io.meridian.gateway.admin;

import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.meridian.gateway.accounts.Account;
import io.meridian.gateway.accounts.AccountExistsException;
import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.api.AdminError;
import io.meridian.gateway.api.AdminRefusedException;
import io.meridian.gateway.api.v1.AccountAdminGrpc;
import io.meridian.gateway.api.v1.AccountRef;
import io.meridian.gateway.api.v1.AccountRemoved;
import io.meridian.gateway.api.v1.BanRequest;
import io.meridian.gateway.api.v1.ChangePasswordRequest;
import io.meridian.gateway.api.v1.ListAccountsRequest;
import io.meridian.gateway.api.v1.ListAccountsResponse;
import io.meridian.gateway.api.v1.RegisterRequest;

/** The accounts of this gateway's domains, for admin-api. Every change is logged. */
public class AccountAdminService extends AccountAdminGrpc.AccountAdminImplBase {

	private static final Logger log = LoggerFactory.getLogger(AccountAdminService.class);

	static final int DEFAULT_PAGE = 100;

	static final int MAX_PAGE = 1000;

	private final Accounts accounts;

	private final AdminSupport support;

	public AccountAdminService(Accounts accounts, AdminSupport support) {
		this.accounts = accounts;
		this.support = support;
	}

	@Override
	public void register(RegisterRequest request, StreamObserver<io.meridian.gateway.api.v1.Account> response) {
		this.support.answer(response, () -> {
			var jid = this.support.account(request.getDomain(), request.getUsername());
			if (request.getPassword().isEmpty()) {
				throw AdminRefusedException.invalid("password", "the password must not be empty");
			}
			try {
				this.accounts.register(jid.local(), jid.domain(), request.getPassword());
			}
			catch (AccountExistsException ex) {
				throw new AdminRefusedException(AdminError.ACCOUNT_EXISTS, jid + " exists already", Map.of(AdminRefusedException.JID, jid.toString()));
			}
			log.info("Account {} registered through the admin API", jid);
			return found(jid.local(), jid.domain());
		});
	}

	@Override
	public void remove(AccountRef request, StreamObserver<AccountRemoved> response) {
		this.support.answer(response, () -> {
			var jid = this.support.account(request.getDomain(), request.getUsername());
			if (!this.accounts.remove(jid.local(), jid.domain())) {
				throw this.support.unknownAccount(jid);
			}
			int ended = this.support.endSessions(jid, null, "not-authorized", "the account was removed");
			log.info("Account {} removed through the admin API; {} session(s) ended", jid, ended);
			return AccountRemoved.newBuilder().setSessionsEnded(ended).build();
		});
	}

	@Override
	public void changePassword(ChangePasswordRequest request, StreamObserver<io.meridian.gateway.api.v1.Account> response) {
		this.support.answer(response, () -> {
			var jid = this.support.account(request.getDomain(), request.getUsername());
			if (request.getNewPassword().isEmpty()) {
				throw AdminRefusedException.invalid("new_password", "the password must not be empty");
			}
			if (!this.accounts.changePassword(jid.local(), jid.domain(), request.getNewPassword())) {
				throw this.support.unknownAccount(jid);
			}
			log.info("Password of {} changed through the admin API", jid);
			return found(jid.local(), jid.domain());
		});
	}

	@Override
	public void get(AccountRef request, StreamObserver<io.meridian.gateway.api.v1.Account> response) {
		this.support.answer(response, () -> {
			var jid = this.support.account(request.getDomain(), request.getUsername());
			return found(jid.local(), jid.domain());
		});
	}

	@Override
	public void list(ListAccountsRequest request, StreamObserver<ListAccountsResponse> response) {
		this.support.answer(response, () -> {
			String domain = this.support.servedDomain(request.getDomain());
			int size = (request.getPageSize() == 0) ? DEFAULT_PAGE : request.getPageSize();
			if (size < 1 || size > MAX_PAGE) {
				throw AdminRefusedException.invalid("page_size", "page_size must be between 1 and " + MAX_PAGE + ", was " + size);
			}
			List<Account> page = this.accounts.list(domain, request.getAfter(), size);
			ListAccountsResponse.Builder answer = ListAccountsResponse.newBuilder().setTotal(this.accounts.count(domain));
			page.forEach(a -> answer.addAccounts(message(a)));
			if (page.size() == size) {
				answer.setNextAfter(page.get(page.size() - 1).username());
			}
			return answer.build();
		});
	}

	@Override
	public void ban(BanRequest request, StreamObserver<io.meridian.gateway.api.v1.Account> response) {
		this.support.answer(response, () -> {
			var jid = this.support.account(request.getDomain(), request.getUsername());
			String reason = request.getReason().isBlank() ? "banned by the operator" : request.getReason();
			if (!this.accounts.setBanned(jid.local(), jid.domain(), reason)) {
				throw this.support.unknownAccount(jid);
			}
			int ended = this.support.endSessions(jid, null, "policy-violation", reason);
			log.info("Account {} banned through the admin API ({}); {} session(s) ended", jid, reason, ended);
			return found(jid.local(), jid.domain());
		});
	}

	@Override
	public void unban(AccountRef request, StreamObserver<io.meridian.gateway.api.v1.Account> response) {
		this.support.answer(response, () -> {
			var jid = this.support.account(request.getDomain(), request.getUsername());
			if (!this.accounts.setBanned(jid.local(), jid.domain(), null)) {
				throw this.support.unknownAccount(jid);
			}
			log.info("Account {} unbanned through the admin API", jid);
			return found(jid.local(), jid.domain());
		});
	}

	private io.meridian.gateway.api.v1.Account found(String username, String domain) {
		return this.accounts.find(username, domain)
			.map(AccountAdminService::message)
			.orElseThrow(() -> this.support.unknownAccount(io.meridian.gateway.stanza.Jid.of(username, domain, null)));
	}

	private static io.meridian.gateway.api.v1.Account message(Account account) {
		return io.meridian.gateway.api.v1.Account.newBuilder()
			.setUsername(account.username())
			.setDomain(account.domain())
			.setBanned(account.banned())
			.setBanReason((account.banReason() != null) ? account.banReason() : "")
			.setCreatedAt(Timestamp.newBuilder().setSeconds(account.createdAt().getEpochSecond()).setNanos(account.createdAt().getNano()))
			.build();
	}

}
