package io.meridian.bench.xmppload;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.meridian.bench.xmppload.client.TlsMode;
import io.meridian.bench.xmppload.relay.RelayServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every scenario, with small numbers, through the command line against the packaged gateway
 * started as an operator would (standalone profile, embedded database, accounts created in
 * band by the tool), and against the reference relay. Checks zero losses and the shape of the
 * result lines; never a speed.
 */
class XmppLoadIT {

	private static final Pattern RESULT_LINE = Pattern.compile("^RESULT scenario=[a-z0-9-]+ server=[a-z]+( [a-z0-9_]+=(-?[0-9.]+|NaN))+( error=\".*\")?$",
			Pattern.MULTILINE);

	private static final Path DIR = Path.of("target", "xmpp-load-it");

	private static final Path LOG = DIR.resolve("gateway.log");

	private static Process gateway;

	private static int c2sPort;

	private static int directTlsPort;

	private static int httpPort;

	@BeforeAll
	static void startGatewayAndProvision() throws Exception {
		deleteRecursively(DIR);
		Files.createDirectories(DIR);
		String jar = System.getProperty("gateway.jar");
		assertThat(jar).as("the gateway jar (package xmpp-gateway first)").isNotNull();
		assertThat(new File(jar)).exists();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		gateway = new ProcessBuilder(java, "-Xmx512m", "-jar", jar, "--meridian.c2s.port=0", "--meridian.c2s.direct-tls-port=0", "--server.port=0", "--spring.grpc.server.port=0",
				"--meridian.c2s.bind-address=127.0.0.1", "--meridian.data-dir=" + DIR.resolve("data").toAbsolutePath(),
				// Flat-out chat is a flood by the default limits; bench/compare raises them the same way.
				"--meridian.c2s.limits.stanza-rate=1000000", "--meridian.c2s.limits.stanza-burst=1000000",
				"--meridian.c2s.limits.rate=1GB", "--meridian.c2s.limits.burst=1GB")
			.redirectErrorStream(true)
			.redirectOutput(LOG.toFile())
			.start();
		await().atMost(120, TimeUnit.SECONDS).until(() -> log().contains("ready on node standalone"));
		c2sPort = port("XMPP c2s listener on [^:]+:(\\d+)");
		directTlsPort = port("direct TLS listener on [^:]+:(\\d+)");
		httpPort = port("Netty started on port (\\d+)");

		Run provision = tool("provision", "--users", "12", "--concurrency", "4");
		assertThat(provision.exit).as(provision.output).isZero();
		assertThat(provision.line()).contains("accounts=12").contains("failed_logins=0");
	}

	@AfterAll
	static void stopGateway() throws Exception {
		if (gateway != null) {
			gateway.destroy();
			gateway.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void loginStormWithScramSha256OverStartTls() throws Exception {
		Run run = tool("login", "--users", "10", "--mech", "SCRAM-SHA-256");
		assertThat(run.exit).as(run.output).isZero();
		assertThat(run.line()).startsWith("RESULT scenario=login-scram-sha-256 server=meridian users=10 logins_per_s=")
			.contains(" failed_logins=0 ")
			.contains(" scram_iterations=4096 ")
			.contains(" client_pbkdf2=10 ");
		assertThat(run.output).contains("| logins_per_s |");
	}

	@Test
	void loginStormWithPlainAndScramSha1OverDirectTls() throws Exception {
		for (String mech : List.of("PLAIN", "SCRAM-SHA-1")) {
			Run run = tool("login", "--users", "6", "--mech", mech, "--tls", "direct", "--port", Integer.toString(directTlsPort));
			assertThat(run.exit).as(run.output).isZero();
			assertThat(run.line()).startsWith("RESULT scenario=login-" + mech.toLowerCase() + " server=meridian").contains(" failed_logins=0 ");
		}
	}

	@Test
	void chatFlatOutAndAtARateLosesNothing(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
		Path csv = tmp.resolve("results.csv");
		Run flat = tool("chat", "--pairs", "3", "--duration", "1", "--warmup", "0.5", "--csv", csv.toString());
		assertThat(flat.exit).as(flat.output).isZero();
		assertThat(flat.line()).startsWith("RESULT scenario=chat-flat server=meridian pairs=3 ").contains(" losses=0 ").contains(" errors=0 ");
		assertThat(number(flat.line(), "received")).isEqualTo(number(flat.line(), "sent")).isPositive();

		Run paced = tool("chat", "--pairs", "2", "--rate", "100", "--duration", "1", "--warmup", "0.5", "--first-user", "6", "--csv", csv.toString());
		assertThat(paced.exit).as(paced.output).isZero();
		assertThat(paced.line()).startsWith("RESULT scenario=chat-rate100 server=meridian").contains(" losses=0 ");

		assertThat(Files.readAllLines(csv)).first().isEqualTo("server,scenario,metric,value,unit,better");
		assertThat(Files.readAllLines(csv)).anyMatch(l -> l.startsWith("meridian,chat-rate100,delivered_msg_per_s,"));
		Run report = tool("report", csv.toString(), "--baseline", "meridian");
		assertThat(report.output).contains("| chat-flat | delivered_msg_per_s | msg/s (higher is better) |")
			.contains("| chat-rate100 | p99_ms | ms (lower is better) |");
	}

	@Test
	void idleSessionsReportServerMemoryPerSession() throws Exception {
		Run run = tool("idle", "--users", "8", "--hold", "1", "--server-pid", Long.toString(gateway.pid()), "--metrics-url",
				"http://127.0.0.1:" + httpPort + "/actuator/prometheus");
		assertThat(run.exit).as(run.output).isZero();
		assertThat(run.line()).startsWith("RESULT scenario=idle server=meridian sessions=8 rss_kib_per_session=")
			.contains(" losses=0 ")
			.doesNotContain("heap_after_mib=NaN")
			.doesNotContain("rss_after_mib=NaN");
	}

	@Test
	void presenceFanOutDeliversEveryPresenceOverRealRosters() throws Exception {
		Run run = tool("fanout", "--users", "6", "--roster", "2", "--duration", "1");
		assertThat(run.exit).as(run.output).isZero();
		assertThat(run.line()).startsWith("RESULT scenario=fanout server=meridian users=6 roster=2 ").contains(" losses=0 ").contains(" errors=0 ");
	}

	@Test
	void theRelayCarriesLoginsAndChatWithoutLoss() throws Exception {
		Path tls = DIR.resolve("data").resolve("tls");
		try (RelayServer relay = new RelayServer("localhost", TlsMode.STARTTLS, tls.resolve("server.crt").toFile(), tls.resolve("server.key").toFile(),
				"bench-pass", 4096)) {
			int port = relay.start("127.0.0.1", 0, 1);
			Run login = tool("login", "--users", "6", "--port", Integer.toString(port), "--server", "relay", "--mech", "SCRAM-SHA-1");
			assertThat(login.exit).as(login.output).isZero();
			assertThat(login.line()).startsWith("RESULT scenario=login-scram-sha-1 server=relay").contains(" failed_logins=0 ");
			Run chat = tool("chat", "--pairs", "2", "--duration", "1", "--warmup", "0.2", "--port", Integer.toString(port), "--server", "relay");
			assertThat(chat.exit).as(chat.output).isZero();
			assertThat(chat.line()).contains(" losses=0 ").contains(" errors=0 ");
		}
	}

	record Run(int exit, String output) {

		String line() {
			Matcher m = RESULT_LINE.matcher(this.output);
			assertThat(m.find()).as("a well-formed result line in:\n" + this.output).isTrue();
			return m.group();
		}

	}

	private static double number(String line, String name) {
		Matcher m = Pattern.compile(" " + name + "=([0-9.]+)").matcher(line);
		assertThat(m.find()).as(name + " in " + line).isTrue();
		return Double.parseDouble(m.group(1));
	}

	/** Runs the command line in this JVM, with its output captured. */
	private static synchronized Run tool(String... args) throws Exception {
		List<String> all = new ArrayList<>(List.of(args));
		if (!all.get(0).equals("report")) {
			if (!all.contains("--port")) {
				all.addAll(List.of("--port", Integer.toString(c2sPort)));
			}
			if (!all.contains("--server")) {
				all.addAll(List.of("--server", "meridian"));
			}
			all.addAll(List.of("--domain", "localhost", "--threads", "2"));
		}
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		int exit;
		try {
			exit = XmppLoad.run(all.toArray(String[]::new));
		}
		finally {
			System.setOut(original);
		}
		String output = captured.toString(StandardCharsets.UTF_8);
		original.print(output);
		return new Run(exit, output);
	}

	private static int port(String regex) throws IOException {
		Matcher m = Pattern.compile(regex).matcher(log());
		assertThat(m.find()).as(regex + " in the gateway log").isTrue();
		return Integer.parseInt(m.group(1));
	}

	private static String log() throws IOException {
		return Files.exists(LOG) ? Files.readString(LOG) : "";
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> paths = Files.walk(dir)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
