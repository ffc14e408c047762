package io.meridian.ctl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * meridianctl: the operator's command line over admin-api's REST API. The connection options
 * may be given anywhere on the line; each falls back to the environment, then the config file.
 */
@Command(name = "meridianctl", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = Meridianctl.Version.class,
		usageHelpAutoWidth = true, sortOptions = false,
		description = "Manage a Meridian XMPP deployment through its admin API.",
		subcommands = { AccountCommand.class, SessionCommand.class, MessageCommand.class, StanzaCommand.class, RosterCommand.class,
				DomainCommand.class, ClusterCommand.class, StatusCommand.class, HashPasswordCommand.class, CommandLine.HelpCommand.class },
		footerHeading = "%nSettings (first found wins):%n",
		footer = { "  url       --url, MERIDIAN_URL, url= in the config file, " + Settings.DEFAULT_URL,
				"  user      --user, MERIDIAN_USER, user= in the config file",
				"  password  --password-file, MERIDIAN_PASSWORD, MERIDIAN_PASSWORD_FILE,",
				"            password-file= or password= in the config file",
				"  config    --config, MERIDIAN_CONFIG, ~/.config/meridian/meridianctl.properties",
				"", "Exit status:",
				"  0 ok                 4 forbidden, refused   8 other error",
				"  1 usage, settings    5 unreachable",
				"  2 not found          6 invalid input",
				"  3 conflict           7 not authenticated" })
public class Meridianctl implements Runnable {

	@Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", description = "admin-api's base URL")
	String url;

	@Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "NAME", description = "admin-api user (HTTP Basic)")
	String user;

	@Option(names = "--password-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
			description = "file whose first line is the admin-api user's password")
	Path passwordFile;

	@Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE", description = "properties file with url, user, password-file")
	Path config;

	@Option(names = { "-o", "--output" }, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "table",
			description = "table or json (default: ${DEFAULT-VALUE})")
	Output.Format output;

	@Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS", defaultValue = "30",
			description = "how long to wait for admin-api (default: ${DEFAULT-VALUE})")
	int timeout;

	@Spec
	CommandSpec spec;

	private final Map<String, String> env;

	private final Path home;

	private final InputStream stdin;

	Meridianctl(Map<String, String> env, Path home, InputStream stdin) {
		this.env = Map.copyOf(env);
		this.home = home;
		this.stdin = stdin;
	}

	public static void main(String[] args) {
		System.exit(commandLine(System.getenv(), Path.of(System.getProperty("user.home")), System.in).execute(args));
	}

	/**
	 * meridianctl, ready to {@code execute}: errors go to its err writer with the exit status of
	 * {@link ExitCodes}.
	 * @param env the environment to read MERIDIAN_* from
	 * @param home the home directory the default config file is under
	 * @param stdin what {@code -} and {@code --password-stdin} read
	 */
	public static CommandLine commandLine(Map<String, String> env, Path home, InputStream stdin) {
		CommandLine commandLine = new CommandLine(new Meridianctl(env, home, stdin));
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setParameterExceptionHandler((ex, args) -> {
			CommandLine failed = ex.getCommandLine();
			failed.getErr().println("meridianctl: " + ex.getMessage());
			failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
			return ExitCodes.USAGE;
		});
		commandLine.setExecutionExceptionHandler((ex, failed, parseResult) -> {
			if (ex instanceof CtlException ctl) {
				failed.getErr().println("meridianctl: " + ctl.getMessage());
				return ctl.exitCode();
			}
			failed.getErr().println("meridianctl: " + ex);
			return ExitCodes.FAILED;
		});
		return commandLine;
	}

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "give a command: account, session, message, stanza, roster, domain, cluster, status or hash-password");
	}

	AdminApi api() {
		if (this.timeout < 1) {
			throw new CtlException(ExitCodes.USAGE, "--timeout must be at least 1 second");
		}
		Settings settings = Settings.resolve(new Settings.Flags(this.url, this.user, this.passwordFile, this.config), this.env, this.home);
		return new AdminApi(settings, Duration.ofSeconds(this.timeout));
	}

	Output.Format output() {
		return this.output;
	}

	InputStream stdin() {
		return this.stdin;
	}

	/** The version the build wrote into meridianctl-version.properties. */
	static class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() throws IOException {
			Properties properties = new Properties();
			try (InputStream in = Meridianctl.class.getResourceAsStream("/meridianctl-version.properties")) {
				if (in != null) {
					properties.load(in);
				}
			}
			return new String[] { "meridianctl " + properties.getProperty("version", "unknown") };
		}

	}

}
