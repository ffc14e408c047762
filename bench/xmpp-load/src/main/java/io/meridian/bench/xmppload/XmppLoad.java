package io.meridian.bench.xmppload;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.netty.handler.ssl.SslProvider;

import io.meridian.bench.xmppload.client.Endpoint;
import io.meridian.bench.xmppload.client.TlsMode;
import io.meridian.bench.xmppload.client.TlsProvider;
import io.meridian.bench.xmppload.client.XmppClient;
import io.meridian.bench.xmppload.relay.RelayServer;
import io.meridian.bench.xmppload.report.Reports;
import io.meridian.bench.xmppload.report.Result;
import io.meridian.bench.xmppload.sasl.SaltedPasswordCache;
import io.meridian.bench.xmppload.scenario.Chat;
import io.meridian.bench.xmppload.scenario.Idle;
import io.meridian.bench.xmppload.scenario.LoginStorm;
import io.meridian.bench.xmppload.scenario.PresenceFanout;
import io.meridian.bench.xmppload.scenario.Provision;
import io.meridian.bench.xmppload.scenario.RunOptions;
import io.meridian.bench.xmppload.scenario.Scenario;

/**
 * {@code java -jar xmpp-load.jar <scenario> [options]}: runs one scenario against one server and
 * prints its result line and table (and appends CSV rows); {@code relay} runs the reference relay;
 * {@code report} prints the comparison table of a CSV file.
 */
public final class XmppLoad {

	static final String USAGE = """
			usage: java -jar xmpp-load.jar <command> [options]

			commands:
			  login      login storm: --users N logins (TLS, SASL, bind, presence); logins/s, time to all online
			  chat       --pairs P exchange messages at --rate R msg/s in total (0 = flat out); msg/s, latency, losses
			  idle       --users N idle sessions; server RSS (--server-pid) and heap (--metrics-url) per session
			  fanout     --users N with --roster R mutual contacts go online and offline; presence stanzas/s
			  provision  create --users N accounts by in-band registration (XEP-0077)
			  relay      the reference TLS relay (no XMPP logic) that measures this tool's own ceiling
			  report     <file.csv> --baseline NAME: one table of every server in the CSV, with ratios

			connection:   --host 127.0.0.1 --port 5222 --domain localhost --tls starttls|direct|none
			              --tls-provider openssl|jdk (default: openssl where BoringSSL loads)
			              --mech SCRAM-SHA-256|SCRAM-SHA-1|PLAIN --password bench-pass --login-timeout 30
			accounts:     --user-prefix load --first-user 0 --users 100 --pairs 50
			load:         --rate 0 --window 4 --body-size 200 --duration 10 --warmup 2 --concurrency 100
			              --roster 10 --hold 10 --threads <cpus> --no-scram-cache
			memory:       --server-pid PID --metrics-url http://host:port/actuator/prometheus --gc
			output:       --server NAME (label in results) --csv FILE (appends) --quiet
			relay:        --bind 127.0.0.1 --port 5222 --tls starttls|direct --certfile PEM --keyfile PEM --scram-iterations 4096
			""";

	private XmppLoad() {
	}

	public static void main(String[] argv) throws Exception {
		System.exit(run(argv));
	}

	static int run(String[] argv) throws Exception {
		Args args = new Args(argv);
		if (args.positional().isEmpty() || args.flag("help")) {
			System.out.print(USAGE);
			return args.positional().isEmpty() ? 1 : 0;
		}
		String command = args.positional().get(0);
		return switch (command) {
			case "relay" -> relay(args);
			case "report" -> report(args);
			default -> scenario(command, args);
		};
	}

	private static int scenario(String command, Args args) throws Exception {
		Map<String, Scenario> scenarios = Map.of("login", new LoginStorm(), "chat", new Chat(), "idle", new Idle(), "fanout",
				new PresenceFanout(), "provision", new Provision());
		Scenario scenario = scenarios.get(command);
		if (scenario == null) {
			System.err.println("unknown command " + command + "\n" + USAGE);
			return 1;
		}
		TlsMode tls = TlsMode.valueOf(args.string("tls", "starttls").toUpperCase(Locale.ROOT));
		Endpoint endpoint = new Endpoint(args.string("host", "127.0.0.1"), args.integer("port", (tls == TlsMode.DIRECT) ? 5223 : 5222),
				args.string("domain", "localhost"), tls, args.string("mech", "SCRAM-SHA-256").toUpperCase(Locale.ROOT),
				args.string("password", "bench-pass"), args.duration("login-timeout", Duration.ofSeconds(30)),
				new SaltedPasswordCache(!args.flag("no-scram-cache")));
		int users = args.integer("users", 100);
		RunOptions options = new RunOptions(args.string("server", "server"), users, args.integer("first-user", 0),
				args.string("user-prefix", "load"), args.integer("pairs", 50), args.decimal("rate", 0), args.integer("window", 4),
				args.integer("body-size", 200), args.duration("duration", Duration.ofSeconds(10)), args.duration("warmup", Duration.ofSeconds(2)),
				args.integer("concurrency", 100), args.integer("roster", 10), args.duration("hold", Duration.ofSeconds(10)),
				Long.parseLong(args.string("server-pid", "0")), args.string("metrics-url", null), args.flag("gc"));
		int threads = args.integer("threads", Runtime.getRuntime().availableProcessors());
		String csv = args.string("csv", null);
		boolean quiet = args.flag("quiet");
		SslProvider provider = TlsProvider.named(args.string("tls-provider", null));
		if (!args.unused().isEmpty()) {
			System.err.println("unknown options: " + args.unused() + "\n" + USAGE);
			return 1;
		}
		Result result;
		try (XmppClient client = new XmppClient(endpoint, threads, provider)) {
			result = scenario.run(client, options);
		}
		catch (Exception ex) {
			// Still one result line, so a script running many scenarios sees what failed and why.
			result = new Result(command, options.server()).error(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		System.out.println(result.line());
		if (!quiet) {
			System.out.println();
			System.out.print(Reports.markdown(result));
		}
		if (csv != null) {
			Reports.appendCsv(Path.of(csv), result);
		}
		return (result.error() == null && result.failures() == 0) ? 0 : 2;
	}

	private static int relay(Args args) throws Exception {
		TlsMode tls = TlsMode.valueOf(args.string("tls", "starttls").toUpperCase(Locale.ROOT));
		String certfile = args.string("certfile", null);
		String keyfile = args.string("keyfile", null);
		if (certfile == null || keyfile == null) {
			System.err.println("relay needs --certfile and --keyfile (PEM)");
			return 1;
		}
		RelayServer relay = new RelayServer(args.string("domain", "localhost"), tls, new File(certfile), new File(keyfile),
				args.string("password", "bench-pass"), args.integer("scram-iterations", 4096), TlsProvider.named(args.string("tls-provider", null)));
		int port = relay.start(args.string("bind", "127.0.0.1"), args.integer("port", 5222),
				args.integer("threads", Runtime.getRuntime().availableProcessors()));
		if (!args.unused().isEmpty()) {
			System.err.println("unknown options: " + args.unused());
			relay.close();
			return 1;
		}
		System.out.println("relay listening on port " + port + " (" + tls.name().toLowerCase(Locale.ROOT) + ", pid " + ProcessHandle.current().pid() + ")");
		CountDownLatch stop = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			relay.close();
			stop.countDown();
		}));
		stop.await();
		return 0;
	}

	private static int report(Args args) throws Exception {
		if (args.positional().size() < 2) {
			System.err.println("usage: report <file.csv> [--baseline meridian] [--metrics scenario.metric,...]");
			return 1;
		}
		String metrics = args.string("metrics", null);
		Set<String> shown = (metrics != null) ? new LinkedHashSet<>(Arrays.asList(metrics.split(","))) : null;
		List<Reports.Row> rows = Reports.readCsv(Path.of(args.positional().get(1)));
		System.out.print(Reports.comparison(rows, args.string("baseline", "meridian"), shown));
		return 0;
	}

}
