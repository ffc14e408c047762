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

import static io.meridian.ctl.AdminApi.body;
import static io.meridian.ctl.AdminApi.path;
import static io.meridian.ctl.Output.column;

/** {@code meridianctl roster ...}: a user's contacts and the subscriptions between users. */
@Command(name = "roster", description = "List, add and remove a user's contacts; set the subscription between two users.",
		subcommands = { RosterCommand.ListContacts.class, RosterCommand.Add.class, RosterCommand.Remove.class, RosterCommand.SetSubscription.class })
class RosterCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "give a subcommand: list, add, remove or subscription");
	}

	/** The subscriptions {@code roster subscription} sets, from the user's side. */
	enum Subscription {

		none, to, from, both

	}

	@Command(name = "list", description = "The contacts on a user's roster.")
	static class ListContacts extends ApiCommand {

		@Parameters(paramLabel = "JID", description = "the user, user@domain")
		String jid;

		@Override
		int run(AdminApi api) {
			Jids.Jid user = Jids.account(this.jid);
			JsonNode roster = api.get(path("contacts", user.bare()));
			return show(roster, () -> {
				List<JsonNode> items = new ArrayList<>();
				roster.get("items").forEach(items::add);
				Output.table(out(), items, List.of(column("CONTACT", "jid"), column("NAME", "name"),
						new Output.Column("GROUPS", item -> String.join(",", item.get("groups").valueStream().map(JsonNode::asString).toList())),
						column("SUBSCRIPTION", "subscription"), new Output.Column("PENDING", RosterCommand::pending)));
				out().println(items.size() + " contacts");
			});
		}

	}

	@Command(name = "add", description = "Put a contact on a user's roster, or set the name and groups of one that is on it. "
			+ "The subscription does not change; the user's online clients get a roster push.")
	static class Add extends ApiCommand {

		@Parameters(index = "0", paramLabel = "JID", description = "the user, user@domain")
		String jid;

		@Parameters(index = "1", paramLabel = "CONTACT", description = "the contact's bare JID")
		String contact;

		@Option(names = "--name", description = "the name the user sees")
		String name;

		@Option(names = "--group", paramLabel = "GROUP", description = "a group to put it in; repeat for more (replaces its groups)")
		List<String> groups;

		@Override
		int run(AdminApi api) {
			Jids.Jid user = Jids.account(this.jid);
			JsonNode added = api.post(path("contacts", user.bare()),
					body("jid", this.contact, "name", this.name, "groups", (this.groups != null) ? this.groups : List.of()));
			// 201 with the item when it is new, 204 when it was on the roster.
			return done(added, (added.isNull() ? "updated " : "added ") + this.contact + (added.isNull() ? " on" : " to") + " the roster of "
					+ user.bare());
		}

	}

	@Command(name = "remove", description = "Take a contact off a user's roster; the subscriptions both ways end.")
	static class Remove extends ApiCommand {

		@Parameters(index = "0", paramLabel = "JID", description = "the user, user@domain")
		String jid;

		@Parameters(index = "1", paramLabel = "CONTACT", description = "the contact's bare JID")
		String contact;

		@Override
		int run(AdminApi api) {
			Jids.Jid user = Jids.account(this.jid);
			return done(api.delete(path("contacts", user.bare(), this.contact)), "removed " + this.contact + " from the roster of " + user.bare());
		}

	}

	@Command(name = "subscription", description = { "Set the subscription between two users of this deployment, on both rosters.",
			"to: JID receives CONTACT's presence; from: CONTACT receives JID's; both; none. CONTACT gets the mirror image, "
					+ "requests between the two end, and online clients get roster pushes." })
	static class SetSubscription extends ApiCommand {

		@Parameters(index = "0", paramLabel = "JID", description = "the user, user@domain")
		String jid;

		@Parameters(index = "1", paramLabel = "CONTACT", description = "another user, user@domain")
		String contact;

		@Parameters(index = "2", paramLabel = "SUBSCRIPTION", description = "none, to, from or both, from JID's side")
		Subscription subscription;

		@Override
		int run(AdminApi api) {
			Jids.Jid user = Jids.account(this.jid);
			Jids.Jid other = Jids.account(this.contact);
			JsonNode set = api.put(path("contacts", user.bare(), other.bare()), body("subscription", this.subscription.name()));
			// Each roster's item: "alice@localhost: bob@localhost to; bob@localhost: alice@localhost from".
			return done(set, user.bare() + ": " + other.bare() + " " + Output.text(set.get("user"), "subscription") + "; " + other.bare() + ": "
					+ user.bare() + " " + (set.has("contact") ? Output.text(set.get("contact"), "subscription") : "not on the roster"));
		}

	}

	/** What is pending with a contact, for people: out (the user asked), in (the contact asked), pre-approved. */
	private static String pending(JsonNode item) {
		List<String> pending = new ArrayList<>();
		if (item.path("pendingOut").asBoolean()) {
			pending.add("out");
		}
		if (item.path("pendingIn").asBoolean()) {
			pending.add("in");
		}
		if (item.path("preApproved").asBoolean()) {
			pending.add("pre-approved");
		}
		return String.join(",", pending);
	}

}
