package io.meridian.ctl;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import static io.meridian.ctl.AdminApi.body;
import static io.meridian.ctl.AdminApi.path;
import static io.meridian.ctl.AdminApi.query;
import static io.meridian.ctl.Output.column;

/** {@code meridianctl account ...}: the accounts of a domain. */
@Command(name = "account", description = "Register, remove, list and ban accounts.",
		subcommands = { AccountCommand.Register.class, AccountCommand.Remove.class, AccountCommand.Passwd.class, AccountCommand.ListAccounts.class,
				AccountCommand.Get.class, AccountCommand.Ban.class, AccountCommand.Unban.class })
class AccountCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "give a subcommand: register, remove, passwd, list, get, ban or unban");
	}

	static String accountPath(Jids.Jid jid, String... more) {
		List<String> segments = new ArrayList<>(List.of("users", jid.domain(), jid.username()));
		segments.addAll(List.of(more));
		return path(segments.toArray(String[]::new));
	}

	static final List<Output.Column> ACCOUNT = List.of(column("jid", "jid"), column("banned", "banned"), column("ban reason", "banReason"),
			column("created", "createdAt"));

	@Command(name = "register", description = "Create an account.")
	static class Register extends ApiCommand {

		@Parameters(paramLabel = "JID", description = "the account, user@domain")
		String jid;

		@ArgGroup(exclusive = false, multiplicity = "1")
		PasswordInput password;

		@Override
		int run(AdminApi api) {
			Jids.Jid account = Jids.account(this.jid);
			String secret = this.password.read(root().stdin());
			JsonNode created = api.post(path("users", account.domain()), body("username", account.username(), "password", secret));
			return done(created, "registered " + Output.text(created, "jid"));
		}

	}

	@Command(name = "remove", description = "Remove an account and end its sessions.")
	static class Remove extends ApiCommand {

		@Parameters(paramLabel = "JID", description = "the account, user@domain")
		String jid;

		@Override
		int run(AdminApi api) {
			Jids.Jid account = Jids.account(this.jid);
			return done(api.delete(accountPath(account)), "removed " + account.bare());
		}

	}

	@Command(name = "passwd", description = "Set an account's password; its sessions stay.")
	static class Passwd extends ApiCommand {

		@Parameters(paramLabel = "JID", description = "the account, user@domain")
		String jid;

		@ArgGroup(exclusive = false, multiplicity = "1")
		PasswordInput password;

		@Override
		int run(AdminApi api) {
			Jids.Jid account = Jids.account(this.jid);
			String secret = this.password.read(root().stdin());
			return done(api.put(accountPath(account, "password"), body("password", secret)), "password changed for " + account.bare());
		}

	}

	@Command(name = "list", description = "The accounts of a domain, in username order.")
	static class ListAccounts extends ApiCommand {

		@Parameters(paramLabel = "DOMAIN")
		String domain;

		@Option(names = "--limit", defaultValue = "100", description = "accounts per page, 1 to 1000 (default: ${DEFAULT-VALUE})")
		int limit;

		@Option(names = "--after", paramLabel = "USERNAME", description = "start after this username")
		String after;

		@Option(names = "--all", description = "follow every page")
		boolean all;

		@Override
		int run(AdminApi api) {
			List<JsonNode> items = new ArrayList<>();
			String next = this.after;
			long total;
			do {
				JsonNode page = api.get(path("users", this.domain) + query("limit", this.limit, "after", next));
				page.get("items").forEach(items::add);
				total = page.get("total").asLong();
				next = Output.text(page, "next");
				next = next.isEmpty() ? null : next;
			}
			while (this.all && next != null);
			ObjectNode answer = AdminApi.json.createObjectNode();
			answer.putArray("items").addAll(items);
			answer.put("total", total);
			answer.put("next", next);
			String footer = items.size() + " of " + total + " accounts" + ((next != null) ? "; more with --after " + next + " or --all" : "");
			return show(answer, () -> {
				Output.table(out(), items, List.of(column("USERNAME", "username"), column("JID", "jid"), column("BANNED", "banned"),
						column("CREATED", "createdAt")));
				out().println(footer);
			});
		}

	}

	@Command(name = "get", description = "One account; exits 2 when it does not exist.")
	static class Get extends ApiCommand {

		@Parameters(paramLabel = "JID", description = "the account, user@domain")
		String jid;

		@Override
		int run(AdminApi api) {
			JsonNode account = api.get(accountPath(Jids.account(this.jid)));
			return show(account, () -> Output.keyValues(out(), account, ACCOUNT));
		}

	}

	@Command(name = "ban", description = "Ban an account: its sessions end and it cannot log in until unbanned.")
	static class Ban extends ApiCommand {

		@Parameters(paramLabel = "JID", description = "the account, user@domain")
		String jid;

		@Option(names = "--reason", description = "why, kept with the account")
		String reason;

		@Override
		int run(AdminApi api) {
			Jids.Jid account = Jids.account(this.jid);
			return done(api.post(accountPath(account, "ban"), body("reason", this.reason)), "banned " + account.bare());
		}

	}

	@Command(name = "unban", description = "Lift a ban.")
	static class Unban extends ApiCommand {

		@Parameters(paramLabel = "JID", description = "the account, user@domain")
		String jid;

		@Override
		int run(AdminApi api) {
			Jids.Jid account = Jids.account(this.jid);
			return done(api.delete(accountPath(account, "ban")), "unbanned " + account.bare());
		}

	}

}
