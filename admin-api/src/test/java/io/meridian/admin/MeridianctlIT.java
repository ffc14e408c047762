package io.meridian.admin;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import picocli.CommandLine;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.meridian.ctl.ExitCodes;
import io.meridian.ctl.Meridianctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * meridianctl's real command line against the running admin-api: in this JVM through
 * {@link Meridianctl#commandLine}, and once as an operator runs it, through the launcher script.
 */
class MeridianctlIT extends AbstractAdminIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path home;

	@Test
	void accountsFromTheCommandLine() throws Exception {
		String name = user();
		String jid = name + "@localhost";
		Ctl register = ctlWithStdin("pw-1\n", "account", "register", jid, "--password-stdin");
		assertThat(register.exitCode()).as(register.toString()).isZero();
		assertThat(register.out()).isEqualTo("registered " + jid + "\n");
		assertThat(login(name, "pw-1").isAuthenticated()).isTrue();

		Ctl again = ctl("account", "register", jid, "--password", "x");
		assertThat(again.exitCode()).isEqualTo(ExitCodes.CONFLICT);
		assertThat(again.err()).startsWith("meridianctl: ").contains("(HTTP 409, ACCOUNT_EXISTS)");
		assertThat(again.out()).isEmpty();

		assertThat(ctl("account", "get", jid).out()).contains("jid:").contains(jid).contains("banned:     false");
		JsonNode listed = json.readTree(ctl("account", "list", "localhost", "--limit", "1000", "-o", "json").out());
		assertThat(listed.get("items").findValuesAsString("username")).contains(name);
		assertThat(ctl("account", "list", "localhost", "--limit", "1").out()).contains("USERNAME").contains("more with --after");

		assertThat(ctl("account", "passwd", jid, "--password", "pw-2").exitCode()).isZero();
		assertThat(login(name, "pw-2").isAuthenticated()).isTrue();

		assertThat(ctl("account", "ban", jid, "--reason", "spam").out()).isEqualTo("banned " + jid + "\n");
		JsonNode banned = json.readTree(ctl("-o", "json", "account", "get", jid).out());
		assertThat(banned.get("banned").asBoolean()).isTrue();
		assertThat(banned.get("banReason").asString()).isEqualTo("spam");
		assertThat(ctl("account", "unban", jid).exitCode()).isZero();

		assertThat(ctl("account", "remove", jid).exitCode()).isZero();
		Ctl gone = ctl("account", "get", jid);
		assertThat(gone.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(gone.err()).contains("UNKNOWN_ACCOUNT");
		assertThat(ctl("account", "remove", jid).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
		Ctl invalid = ctl("account", "register", "bad name@localhost", "--password", "x");
		assertThat(invalid.exitCode()).isEqualTo(ExitCodes.INVALID);
		assertThat(invalid.err()).contains("field username");
	}

	@Test
	void domainsFromTheCommandLine() {
		String domain = "ctl-" + UUID.randomUUID().toString().substring(0, 8) + ".it.example";
		assertThat(ctl("domain", "add", domain, "--host-type", "type1").out()).isEqualTo("added " + domain + " (type1)\n");
		assertThat(ctl("domain", "add", domain, "--host-type", "type1").exitCode()).as("idempotent").isZero();
		Ctl conflict = ctl("domain", "add", domain, "--host-type", "type2");
		assertThat(conflict.exitCode()).isEqualTo(ExitCodes.CONFLICT);
		assertThat(conflict.err()).contains("HOST_TYPE_CONFLICT");
		assertThat(ctl("domain", "add", "x-" + domain, "--host-type", "type9").exitCode()).isEqualTo(ExitCodes.FORBIDDEN);

		assertThat(json.readTree(ctl("domain", "get", domain, "--output", "json").out()).get("hostType").asString()).isEqualTo("type1");
		assertThat(ctl("domain", "disable", domain).exitCode()).isZero();
		assertThat(ctl("domain", "get", domain).out()).contains("enabled:   false");
		assertThat(ctl("domain", "list", "--host-type", "type1", "--all").out()).contains(domain).contains("DOMAIN");
		assertThat(ctl("domain", "enable", domain).exitCode()).isZero();
		assertThat(ctl("domain", "remove", domain).exitCode()).isZero();
		assertThat(ctl("domain", "get", domain).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(ctl("domain", "enable", domain).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(ctl("domain", "remove", domain).exitCode()).as("idempotent").isZero();

		Ctl locked = ctl("domain", "disable", Services.STATIC_DOMAIN);
		assertThat(locked.exitCode()).isEqualTo(ExitCodes.FORBIDDEN);
		assertThat(locked.err()).contains("STATIC_DOMAIN");
		Ctl badName = ctl("domain", "add", "bad..name", "--host-type", "type1");
		assertThat(badName.exitCode()).isEqualTo(ExitCodes.INVALID);
		assertThat(badName.err()).contains("field domain");
	}

	@Test
	void sessionsMessagesAndStanzasFromTheCommandLine() throws Exception {
		String sender = user();
		String receiver = user();
		register("localhost", sender, "pw");
		register("localhost", receiver, "pw");
		XMPPTCPConnection client = login(receiver, "pw");
		BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
		client.addAsyncStanzaListener(s -> inbox.add((Message) s), s -> s instanceof Message);
		client.sendStanza(client.getStanzaFactory().buildPresenceStanza().build());
		PingManager.getInstanceFor(client).pingMyServer();
		BlockingQueue<Exception> ended = endings(client);
		String full = client.getUser().toString();

		assertThat(ctl("session", "list", receiver + "@localhost").out()).contains(full).contains("gw-admin-it").contains("1 sessions");
		assertThat(json.readTree(ctl("session", "list", "localhost", "-o", "json").out()).get("items").findValuesAsString("jid")).contains(full);

		Ctl sent = ctl("message", "send", "--from", sender + "@localhost", "--to", receiver + "@localhost", "hello", "from", "the", "shell");
		assertThat(sent.exitCode()).as(sent.toString()).isZero();
		Message message = inbox.poll(10, TimeUnit.SECONDS);
		assertThat(message.getBody()).isEqualTo("hello from the shell");
		assertThat(sent.out().trim()).isEqualTo(message.getStanzaId());

		Path file = Files.writeString(this.home.resolve("stanza.xml"),
				"<message from='" + sender + "@localhost' to='" + receiver + "@localhost'><body>from a file</body></message>");
		assertThat(ctl("stanza", "send", "--file", file.toString()).exitCode()).isZero();
		assertThat(inbox.poll(10, TimeUnit.SECONDS).getBody()).isEqualTo("from a file");
		assertThat(ctlWithStdin("<message from='" + sender + "@localhost' to='" + receiver + "@localhost'><body>from stdin</body></message>", "stanza", "send", "-")
			.exitCode()).isZero();
		assertThat(inbox.poll(10, TimeUnit.SECONDS).getBody()).isEqualTo("from stdin");
		Ctl badStanza = ctl("stanza", "send", "<message");
		assertThat(badStanza.exitCode()).isEqualTo(ExitCodes.INVALID);
		assertThat(badStanza.err()).contains("field stanza");

		Ctl kicked = ctl("session", "kick", full, "--reason", "bye");
		assertThat(kicked.out()).isEqualTo("kicked 1 session(s) of " + full + "\n");
		assertThat(ended.poll(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(XMPPException.StreamErrorException.class,
				e -> assertThat(e.getStreamError().getDescriptiveText()).isEqualTo("bye"));
		assertThat(ctl("session", "kick", full).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
	}

	@Test
	void theOfflineQueueOfAUserFromTheCommandLine() throws Exception {
		String sender = user();
		String receiver = user();
		register("localhost", sender, "pw");
		register("localhost", receiver, "pw");
		assertThat(ctl("message", "send", "--from", sender + "@localhost", "--to", receiver + "@localhost", "while", "you", "were", "out")
			.exitCode()).isZero();

		Ctl counted = ctl("message", "offline-count", receiver + "@localhost");
		assertThat(counted.exitCode()).as(counted.toString()).isZero();
		assertThat(counted.out()).isEqualTo(receiver + "@localhost: 1 offline messages\n");
		JsonNode queue = json.readTree(ctl("message", "offline-count", receiver + "@localhost", "-o", "json").out());
		assertThat(queue.get("user").asString()).isEqualTo(receiver + "@localhost");
		assertThat(queue.get("count").asLong()).isEqualTo(1);

		Ctl nobody = ctl("message", "offline-count", "ghost-" + receiver + "@localhost");
		assertThat(nobody.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(nobody.err()).contains("UNKNOWN_ACCOUNT");
		assertThat(ctl("message", "offline-count", "localhost").exitCode()).isEqualTo(ExitCodes.USAGE);
	}

	@Test
	void rostersFromTheCommandLine() throws Exception {
		String alice = user() + "@localhost";
		String bob = user() + "@localhost";
		register("localhost", alice.substring(0, alice.indexOf('@')), "pw");
		register("localhost", bob.substring(0, bob.indexOf('@')), "pw");
		Roster roster = Roster.getInstanceFor(login(alice.substring(0, alice.indexOf('@')), "pw"));
		roster.reloadAndWait();
		BareJid bobJid = JidCreate.entityBareFrom(bob);

		Ctl added = ctl("roster", "add", alice, bob, "--name", "Bob", "--group", "Friends", "--group", "Work");
		assertThat(added.exitCode()).as(added.toString()).isZero();
		assertThat(added.out()).isEqualTo("added " + bob + " to the roster of " + alice + "\n");
		await().atMost(Duration.ofSeconds(15)).until(() -> roster.getEntry(bobJid) != null);
		assertThat(roster.getEntry(bobJid).getName()).isEqualTo("Bob");
		assertThat(ctl("roster", "add", alice, bob, "--name", "Robert").out()).isEqualTo("updated " + bob + " on the roster of " + alice + "\n");

		Ctl subscribed = ctl("roster", "subscription", alice, bob, "both");
		assertThat(subscribed.out()).isEqualTo(alice + ": " + bob + " both; " + bob + ": " + alice + " both\n");
		await().atMost(Duration.ofSeconds(15)).until(() -> roster.getEntry(bobJid).getType() == RosterPacket.ItemType.both);
		assertThat(ctl("roster", "list", alice).out()).contains("CONTACT").containsPattern(bob + " +Robert +both");
		JsonNode listed = json.readTree(ctl("roster", "list", bob, "-o", "json").out());
		assertThat(listed.get("items").findValuesAsString("jid")).containsExactly(alice);
		assertThat(listed.get("items").get(0).get("subscription").asString()).isEqualTo("both");

		assertThat(ctl("roster", "remove", alice, bob).out()).isEqualTo("removed " + bob + " from the roster of " + alice + "\n");
		await().atMost(Duration.ofSeconds(15)).until(() -> roster.getEntry(bobJid) == null);
		Ctl gone = ctl("roster", "remove", alice, bob);
		assertThat(gone.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(gone.err()).contains("UNKNOWN_CONTACT");
		assertThat(ctl("roster", "list", "nobody-" + alice).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
		Ctl badContact = ctl("roster", "add", alice, "a@b@localhost");
		assertThat(badContact.exitCode()).isEqualTo(ExitCodes.INVALID);
		assertThat(badContact.err()).contains("field jid");
		assertThat(ctl("roster", "subscription", alice, bob, "mutual").exitCode()).isEqualTo(ExitCodes.USAGE);
	}

	@Test
	void clusterNodesFromTheCommandLine() throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> ctl("cluster", "nodes").exitCode() == ExitCodes.OK
				&& !ctl("cluster", "nodes").out().contains("NOT_SERVING"));
		Ctl nodes = ctl("cluster", "nodes");
		assertThat(nodes.out()).contains("NAME").containsPattern("gateway +xmpp-gateway +127.0.0.1:\\d+ +SERVING")
			.containsPattern("domain-service +domain-service +static://127.0.0.1:\\d+ +SERVING").contains("2 nodes (from configuration)");
		JsonNode listed = json.readTree(ctl("cluster", "nodes", "-o", "json").out());
		assertThat(listed.get("nodes").findValuesAsString("state")).containsExactly("SERVING", "SERVING");
		assertThat(listed.get("source").asString()).isEqualTo("configuration");
	}

	@Test
	void credentialsComeFromFlagsEnvironmentOrConfigFileAndFailuresHaveTheirExitCodes() throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> ctl("status").out().matches("(?s).*gateway +127.0.0.1:\\d+ +SERVING.*"));
		Ctl status = ctl("status");
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.out()).contains("admin-api:").containsPattern("gateway +127.0.0.1:\\d+ +SERVING")
			.containsPattern("domain-service +static://127.0.0.1:\\d+ +SERVING");

		Map<String, String> noCredentials = Map.of("MERIDIAN_URL", url());
		Ctl anonymous = Ctl.run(noCredentials, this.home, "", "domain", "list");
		assertThat(anonymous.exitCode()).isEqualTo(ExitCodes.UNAUTHENTICATED);
		assertThat(anonymous.err()).contains("give a user with --user");

		Path wrong = Files.writeString(this.home.resolve("wrong"), "not-the-password\n");
		assertThat(Ctl.run(noCredentials, this.home, "", "--user", "ops", "--password-file", wrong.toString(), "status").exitCode())
			.isEqualTo(ExitCodes.UNAUTHENTICATED);
		Path viewerPassword = Files.writeString(this.home.resolve("viewer"), VIEWER_PASSWORD + "\n");
		Ctl readOnly = Ctl.run(noCredentials, this.home, "", "--user", "viewer", "--password-file", viewerPassword.toString(), "domain", "add",
				"ro.it.example", "--host-type", "type1");
		assertThat(readOnly.exitCode()).isEqualTo(ExitCodes.FORBIDDEN);
		assertThat(readOnly.err()).contains("read-only");

		Path opsPassword = Files.writeString(this.home.resolve("ops"), OPS_PASSWORD + "\n");
		Path config = this.home.resolve(".config/meridian/meridianctl.properties");
		Files.createDirectories(config.getParent());
		Files.writeString(config, "url=" + url() + "\nuser=ops\npassword-file=" + opsPassword + "\n");
		assertThat(Ctl.run(Map.of(), this.home, "", "status").exitCode()).as("all from the config file").isZero();

		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		Ctl unreachable = Ctl.run(Map.of(), this.home, "", "--url", "http://127.0.0.1:" + closed, "status");
		assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
		assertThat(unreachable.err()).contains("cannot reach admin-api at http://127.0.0.1:" + closed);
	}

	@Test
	void theLauncherScriptRunsThePackagedJar() throws Exception {
		Path script = Path.of("cli", "meridianctl").toAbsolutePath();
		assertThat(Path.of("cli", "target", "meridianctl.jar")).as("package admin-api/cli first").exists();
		Map<String, String> env = new HashMap<>(credentials());
		env.put("JAVA_HOME", System.getProperty("java.home"));
		env.put("HOME", this.home.toString());
		ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), "-o", "json", "status")).redirectErrorStream(false);
		builder.environment().putAll(env);
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(err).isZero();
		JsonNode status = json.readTree(out);
		assertThat(status.get("services").get("gateway").get("status").asString()).isEqualTo("SERVING");
		assertThat(status.get("services").get("gateway").get("reachable").asBoolean()).isTrue();
		assertThat(status.get("services").get("domain-service").get("status").asString()).isEqualTo("SERVING");

		ProcessBuilder second = new ProcessBuilder(script.toString(), "domain", "get", "none-" + UUID.randomUUID() + ".it.example");
		second.environment().putAll(env);
		Process missing = second.start();
		missing.getInputStream().readAllBytes();
		assertThat(missing.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(missing.exitValue()).isEqualTo(ExitCodes.NOT_FOUND);
	}

	private String url() {
		return "http://127.0.0.1:" + this.port;
	}

	private Map<String, String> credentials() {
		return Map.of("MERIDIAN_URL", url(), "MERIDIAN_USER", "ops", "MERIDIAN_PASSWORD", OPS_PASSWORD);
	}

	private Ctl ctl(String... args) {
		return Ctl.run(credentials(), this.home, "", args);
	}

	private Ctl ctlWithStdin(String stdin, String... args) {
		return Ctl.run(credentials(), this.home, stdin, args);
	}

	/** One in-process run of meridianctl: exit status, stdout, stderr. */
	record Ctl(int exitCode, String out, String err) {

		static Ctl run(Map<String, String> env, Path home, String stdin, String... args) {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			CommandLine commandLine = Meridianctl.commandLine(env, home, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
			commandLine.setOut(new PrintWriter(out, true));
			commandLine.setErr(new PrintWriter(err, true));
			int exitCode = commandLine.execute(args);
			return new Ctl(exitCode, out.toString(), err.toString());
		}

	}

}
