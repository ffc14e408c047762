package io.meridian.ctl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import static io.meridian.ctl.AdminApi.body;

/** {@code meridianctl stanza send}: a raw stanza routed in its from's name. */
@Command(name = "stanza", description = "Send raw stanzas as a user.", subcommands = StanzaCommand.Send.class)
class StanzaCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "give a subcommand: send");
	}

	@Command(name = "send", description = "Route one <message/>, <presence/> or <iq/> whose from is a user of this deployment; prints its id.")
	static class Send extends ApiCommand {

		@Parameters(paramLabel = "XML", arity = "0..1", description = "the stanza; - or nothing with --file to read it elsewhere")
		String stanza;

		@Option(names = { "-f", "--file" }, paramLabel = "FILE", description = "read the stanza from this file")
		Path file;

		@Override
		int run(AdminApi api) {
			JsonNode sent = api.post("/stanzas", body("stanza", stanza()));
			return done(sent, Output.text(sent, "id"));
		}

		private String stanza() {
			try {
				if (this.file != null) {
					if (this.stanza != null) {
						throw new ParameterException(this.spec.commandLine(), "give the stanza or --file, not both");
					}
					return Files.readString(this.file, StandardCharsets.UTF_8);
				}
				if (this.stanza == null || this.stanza.equals("-")) {
					return new String(root().stdin().readAllBytes(), StandardCharsets.UTF_8);
				}
				return this.stanza;
			}
			catch (IOException ex) {
				throw new CtlException(ExitCodes.USAGE, "cannot read the stanza: " + ex.getMessage());
			}
		}

	}

}
