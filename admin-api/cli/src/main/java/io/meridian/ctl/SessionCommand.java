package io.meridian.ctl;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import static io.meridian.ctl.AdminApi.path;
import static io.meridian.ctl.AdminApi.query;
import static io.meridian.ctl.Output.column;

/** {@code meridianctl session ...}: client sessions on the gateway admin-api talks to. */
@Command(name = "session", description = "List and kick client sessions.",
		subcommands = { SessionCommand.ListSessions.class, SessionCommand.Kick.class })
class SessionCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "give a subcommand: list or kick");
	}

	@Command(name = "list", description = "The sessions of a domain, or of one user.")
	static class ListSessions extends ApiCommand {

		@Parameters(paramLabel = "DOMAIN|JID", description = "a domain for all its sessions, user@domain for one user's")
		String target;

		@Override
		int run(AdminApi api) {
			String path;
			if (this.target.contains("@")) {
				Jids.Jid user = Jids.account(this.target);
				path = path("sessions", user.domain(), user.username());
			}
			else {
				path = path("sessions", this.target);
			}
			JsonNode sessions = api.get(path);
			return show(sessions, () -> {
				List<JsonNode> items = new ArrayList<>();
				sessions.get("items").forEach(items::add);
				Output.table(out(), items, List.of(column("JID", "jid"), column("NODE", "node"), column("ADDRESS", "address"),
						column("CONNECTED", "connectedSince"), column("PRIORITY", "priority"), column("AVAILABLE", "available")));
				out().println(items.size() + " sessions");
			});
		}

	}

	@Command(name = "kick", description = "End one session (user@domain/resource) or all of a user's (user@domain) with a policy-violation stream error.")
	static class Kick extends ApiCommand {

		@Parameters(paramLabel = "JID", description = "user@domain or user@domain/resource")
		String jid;

		@Option(names = "--reason", description = "sent to the client in the stream error")
		String reason;

		@Override
		int run(AdminApi api) {
			Jids.Jid session = Jids.parse(this.jid);
			String path = (session.resource() != null) ? path("sessions", session.domain(), session.username(), session.resource())
					: path("sessions", session.domain(), session.username());
			JsonNode kicked = api.delete(path + query("reason", this.reason));
			return done(kicked, "kicked " + Output.text(kicked, "sessionsEnded") + " session(s) of " + this.jid);
		}

	}

}
