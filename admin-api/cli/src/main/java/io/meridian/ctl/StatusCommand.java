package io.meridian.ctl;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;

import static io.meridian.ctl.Output.column;

/** {@code meridianctl status}: admin-api's version and the services it reaches. */
@Command(name = "status", description = "admin-api's version and whether each service answers. Exits 5 when one does not.")
class StatusCommand extends ApiCommand {

	@Override
	int run(AdminApi api) {
		JsonNode status = api.get("/status");
		List<JsonNode> services = new ArrayList<>();
		boolean allReachable = true;
		for (String name : status.get("services").propertyNames()) {
			ObjectNode service = ((ObjectNode) status.get("services").get(name)).deepCopy();
			service.put("name", name);
			services.add(service);
			allReachable &= service.get("reachable").asBoolean();
		}
		if (json()) {
			Output.json(out(), status);
		}
		else {
			Output.keyValues(out(), status, List.of(column("admin-api", "version"), column("node", "node")));
			out().println();
			Output.table(out(), services, List.of(column("SERVICE", "name"), column("ADDRESS", "address"), column("STATUS", "status"),
					column("DETAIL", "detail")));
		}
		out().flush();
		return allReachable ? ExitCodes.OK : ExitCodes.UNREACHABLE;
	}

}
