package io.meridian.ctl;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that calls admin-api: the connection and output settings come from the root command. */
abstract class ApiCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		return run(root().api());
	}

	/** @return the exit status */
	abstract int run(AdminApi api);

	Meridianctl root() {
		CommandSpec command = this.spec;
		while (command.parent() != null) {
			command = command.parent();
		}
		return (Meridianctl) command.userObject();
	}

	boolean json() {
		return root().output() == Output.Format.json;
	}

	PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	/** In JSON mode the answer as it is; in table mode what {@code table} prints for people. */
	int show(JsonNode answer, Runnable table) {
		if (json()) {
			Output.json(out(), answer);
		}
		else {
			table.run();
		}
		out().flush();
		return ExitCodes.OK;
	}

	/** In table mode a line for people; in JSON mode the answer, if there is one. */
	int done(JsonNode answer, String message) {
		if (json()) {
			if (answer != null && !answer.isNull()) {
				Output.json(out(), answer);
			}
		}
		else {
			out().println(message);
		}
		out().flush();
		return ExitCodes.OK;
	}

}
