package io.meridian.ctl;

import java.util.List;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import static io.meridian.ctl.AdminApi.body;
import static io.meridian.ctl.AdminApi.path;

/** {@code meridianctl message send|offline-count}: a chat message in a user's name, and a user's offline queue. */
@Command(name = "message", description = "Send messages as a user, count a user's offline messages.",
		subcommands = { MessageCommand.Send.class, MessageCommand.OfflineCount.class })
class MessageCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "give a subcommand: send or offline-count");
	}

	@Command(name = "send", description = "Send a message from a user of this deployment to any JID; prints its id.")
	static class Send extends ApiCommand {

		@Option(names = { "--from", "--caller" }, required = true, paramLabel = "JID", description = "the user it is sent as")
		String from;

		@Option(names = "--to", required = true, paramLabel = "JID", description = "the recipient")
		String to;

		@Option(names = "--type", description = "chat (default), normal or headline")
		String type;

		@Parameters(paramLabel = "TEXT", arity = "1..*", description = "the body; several words are joined with spaces")
		List<String> text;

		@Override
		int run(AdminApi api) {
			JsonNode sent = api.post("/messages", body("caller", this.from, "to", this.to, "body", String.join(" ", this.text), "type", this.type));
			return done(sent, Output.text(sent, "id"));
		}

	}

	@Command(name = "offline-count", description = "How many messages wait for a user until the next login; exits 2 when the user does not exist.")
	static class OfflineCount extends ApiCommand {

		@Parameters(paramLabel = "JID", description = "the account, user@domain")
		String jid;

		@Override
		int run(AdminApi api) {
			Jids.Jid account = Jids.account(this.jid);
			JsonNode queue = api.get(path("messages", account.domain(), account.username(), "offline"));
			return done(queue, Output.text(queue, "user") + ": " + Output.text(queue, "count") + " offline messages");
		}

	}

}
