package io.meridian.ctl;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line itself, with no admin-api behind it. */
class MeridianctlTest {

	@TempDir
	Path home;

	@Test
	void everyCommandHasHelpThatExitsZero() {
		List<String> commands = new ArrayList<>();
		collect(Meridianctl.commandLine(Map.of(), this.home, InputStream.nullInputStream()), new ArrayList<>(), commands);
		assertThat(commands).contains("account register", "account remove", "account passwd", "account list", "account get", "account ban",
				"account unban", "session list", "session kick", "message send", "message offline-count", "stanza send", "roster list", "roster add", "roster remove",
				"roster subscription", "domain add", "domain remove", "domain enable",
				"domain disable", "domain get", "domain list", "cluster nodes", "status", "hash-password");
		for (String command : commands) {
			List<String> args = new ArrayList<>(List.of(command.split(" ")));
			args.add("--help");
			Run run = run(args.toArray(String[]::new));
			assertThat(run.exitCode()).as(command).isZero();
			assertThat(run.out()).as(command).startsWith("Usage: meridianctl " + command).contains("Exit status:");
		}
	}

	private static void collect(CommandLine command, List<String> path, List<String> into) {
		for (var sub : command.getSubcommands().entrySet()) {
			if (sub.getKey().equals("help")) {
				continue;
			}
			List<String> here = new ArrayList<>(path);
			here.add(sub.getKey());
			into.add(String.join(" ", here));
			collect(sub.getValue(), here, into);
		}
	}

	@Test
	void wrongCommandLinesExitOneAndSayWhy() {
		Run unknown = run("acount", "list");
		assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(unknown.err()).contains("Unmatched argument").contains("Try 'meridianctl --help'");

		Run noSubcommand = run("domain");
		assertThat(noSubcommand.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(noSubcommand.err()).contains("give a subcommand: add, remove, enable, disable, get or list");

		Run missingOption = run("domain", "add", "chat.example.com");
		assertThat(missingOption.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(missingOption.err()).contains("--host-type");

		assertThat(run("account", "register", "alice@localhost").exitCode()).as("no password").isEqualTo(ExitCodes.USAGE);
		assertThat(run("account", "register", "alice@localhost", "--password", "x", "--password-stdin").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(run("--output", "yaml", "status").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(run("--url", "ftp://x", "status").exitCode()).isEqualTo(ExitCodes.USAGE);
		Run noAt = run("account", "get", "alice");
		assertThat(noAt.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(noAt.err()).contains("user@domain");
		assertThat(run()).satisfies(r -> assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE));
	}

	@Test
	void anUnreachableAdminApiExitsFiveAndConnectionOptionsWorkAnywhereOnTheLine() throws IOException {
		String url = "http://127.0.0.1:" + closedPort();
		Run before = run("--url", url, "account", "list", "localhost");
		Run after = run("account", "list", "localhost", "--url", url, "-o", "json");
		for (Run run : List.of(before, after)) {
			assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
			assertThat(run.err()).startsWith("meridianctl: cannot reach admin-api at " + url);
		}
	}

	@Test
	void hashesAPasswordForTheConfiguration() {
		Run hash = Run.of(Map.of(), this.home, "s3cret\n", "hash-password", "--password-stdin", "--cost", "4");
		assertThat(hash.exitCode()).isZero();
		assertThat(hash.out()).startsWith("{bcrypt}$2a$04$");
		String stored = hash.out().trim().substring("{bcrypt}".length());
		assertThat(org.springframework.security.crypto.bcrypt.BCrypt.checkpw("s3cret", stored)).isTrue();
		assertThat(org.springframework.security.crypto.bcrypt.BCrypt.checkpw("other", stored)).isFalse();
		assertThat(run("hash-password", "--password", "x", "--cost", "3").exitCode()).isEqualTo(ExitCodes.USAGE);
	}

	@Test
	void printsItsVersion() {
		Run version = run("--version");
		assertThat(version.exitCode()).isZero();
		assertThat(version.out()).matches("meridianctl \\d+\\.\\d+\\.\\d+.*\\s*");
	}

	private Run run(String... args) {
		return Run.of(Map.of(), this.home, "", args);
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
