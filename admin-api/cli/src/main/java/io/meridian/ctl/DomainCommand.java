package io.meridian.ctl;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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

/** {@code meridianctl domain ...}: the dynamic XMPP domains. */
@Command(name = "domain", description = "Add, disable, enable and remove XMPP domains at run time.",
		subcommands = { DomainCommand.Add.class, DomainCommand.Remove.class, DomainCommand.Enable.class, DomainCommand.Disable.class,
				DomainCommand.Get.class, DomainCommand.ListDomains.class })
class DomainCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "give a subcommand: add, remove, enable, disable, get or list");
	}

	static final List<Output.Column> COLUMNS = List.of(column("DOMAIN", "domain"), column("HOST TYPE", "hostType"),
			column("ENABLED", "enabled"), column("STATIC", "static"));

	@Command(name = "add", description = "Add a domain, enabled; the same domain and host type again changes nothing. "
			+ "Exits 3 when it is bound to another host type, 4 for an unknown host type or a static domain.")
	static class Add extends ApiCommand {

		@Parameters(paramLabel = "DOMAIN")
		String domain;

		@Option(names = "--host-type", required = true, paramLabel = "TYPE", description = "one of the deployment's host types")
		String hostType;

		@Override
		int run(AdminApi api) {
			return done(api.put(path("domains", this.domain), body("hostType", this.hostType)), "added " + this.domain + " (" + this.hostType + ")");
		}

	}

	@Command(name = "remove", description = "Remove a domain; an absent one is no error. Exits 4 for a static domain.")
	static class Remove extends ApiCommand {

		@Parameters(paramLabel = "DOMAIN")
		String domain;

		@Override
		int run(AdminApi api) {
			return done(api.delete(path("domains", this.domain)), "removed " + this.domain);
		}

	}

	@Command(name = "enable", description = "Serve a disabled domain again. Exits 2 when it does not exist, 4 for a static domain.")
	static class Enable extends ApiCommand {

		@Parameters(paramLabel = "DOMAIN")
		String domain;

		@Override
		int run(AdminApi api) {
			return done(api.patch(path("domains", this.domain), body("enabled", true)), "enabled " + this.domain);
		}

	}

	@Command(name = "disable", description = "Stop serving a domain, keeping it. Exits 2 when it does not exist, 4 for a static domain.")
	static class Disable extends ApiCommand {

		@Parameters(paramLabel = "DOMAIN")
		String domain;

		@Override
		int run(AdminApi api) {
			return done(api.patch(path("domains", this.domain), body("enabled", false)), "disabled " + this.domain);
		}

	}

	@Command(name = "get", description = "One domain, dynamic or static; exits 2 when it does not exist.")
	static class Get extends ApiCommand {

		@Parameters(paramLabel = "DOMAIN")
		String domain;

		@Override
		int run(AdminApi api) {
			JsonNode domain = api.get(path("domains", this.domain));
			return show(domain, () -> {
				Output.keyValues(out(), domain, List.of(column("domain", "domain"), column("host type", "hostType"),
						column("enabled", "enabled"), column("static", "static")));
			});
		}

	}

	@Command(name = "list", description = "The dynamic domains, in the order they were added (static ones are not listed).")
	static class ListDomains extends ApiCommand {

		@Option(names = "--host-type", paramLabel = "TYPE", description = "only this host type")
		String hostType;

		@Option(names = "--limit", defaultValue = "100", description = "domains per page, 1 to 1000 (default: ${DEFAULT-VALUE})")
		int limit;

		@Option(names = "--all", description = "follow every page")
		boolean all;

		@Override
		int run(AdminApi api) {
			List<JsonNode> items = new ArrayList<>();
			String next = null;
			do {
				JsonNode page = api.get("/domains" + query("hostType", this.hostType, "limit", this.limit, "after", next));
				page.get("items").forEach(items::add);
				next = Output.text(page, "next");
				next = next.isEmpty() ? null : next;
			}
			while (this.all && next != null);
			ObjectNode answer = AdminApi.json.createObjectNode();
			answer.putArray("items").addAll(items);
			answer.put("next", next);
			String footer = items.size() + " domains" + ((next != null) ? "; more with --all" : "");
			return show(answer, () -> {
				Output.table(out(), items, COLUMNS);
				out().println(footer);
			});
		}

	}

}
