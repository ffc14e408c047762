package io.meridian.ctl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** An account's password: on the command line, or (kept out of the process list) from stdin. */
class PasswordInput {

	@ArgGroup(exclusive = true, multiplicity = "1")
	Source source;

	static class Source {

		@Option(names = "--password", paramLabel = "PASSWORD", description = "the account's password (visible to other local users: prefer --password-stdin)")
		String password;

		@Option(names = "--password-stdin", description = "read the account's password from the first line of stdin")
		boolean stdin;

	}

	String read(InputStream stdin) {
		if (!this.source.stdin) {
			return this.source.password;
		}
		try {
			String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
			if (line == null || line.isEmpty()) {
				throw new CtlException(ExitCodes.USAGE, "--password-stdin: stdin has no password");
			}
			return line;
		}
		catch (IOException ex) {
			throw new CtlException(ExitCodes.USAGE, "--password-stdin: " + ex.getMessage());
		}
	}

}
