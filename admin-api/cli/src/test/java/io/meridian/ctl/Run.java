package io.meridian.ctl;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine;

/**
 * One run of meridianctl's real command line, in this JVM, with the environment, home and stdin
 * given: what it printed and how it exited.
 *
 * @param exitCode the exit status
 * @param out stdout
 * @param err stderr
 */
public record Run(int exitCode, String out, String err) {

	public static Run of(Map<String, String> env, Path home, String stdin, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = Meridianctl.commandLine(env, home, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		return new Run(exitCode, out.toString(), err.toString());
	}

	@Override
	public String toString() {
		return "exit " + this.exitCode + "\nstdout:\n" + this.out + "\nstderr:\n" + this.err;
	}

}
