package io.meridian.ctl;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import static io.meridian.ctl.Output.column;

/** {@code meridianctl cluster ...}: the nodes admin-api knows. */
@Command(name = "cluster", description = "The nodes of the deployment.", subcommands = ClusterCommand.Nodes.class)
class ClusterCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "give a subcommand: nodes");
	}

	@Command(name = "nodes", description = { "The nodes admin-api is configured with and whether each serves "
			+ "(its standard gRPC health service). Exits 5 when one cannot be reached.",
			"The list comes from admin-api's configuration until cluster membership exists." })
	static class Nodes extends ApiCommand {

		@Override
		int run(AdminApi api) {
			JsonNode answer = api.get("/cluster/nodes");
			List<JsonNode> nodes = new ArrayList<>();
			answer.get("nodes").forEach(nodes::add);
			show(answer, () -> {
				Output.table(out(), nodes, List.of(column("NAME", "name"), column("ROLE", "role"), column("TARGET", "target"),
						column("STATE", "state"), column("DETAIL", "detail")));
				out().println(nodes.size() + " nodes (from " + Output.text(answer, "source") + ")");
			});
			return nodes.stream().anyMatch(n -> "UNREACHABLE".equals(Output.text(n, "state"))) ? ExitCodes.UNREACHABLE : ExitCodes.OK;
		}

	}

}
