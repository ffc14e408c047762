package io.meridian.ctl;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where admin-api is and who to be there: each setting from the command line, else the
 * environment, else the config file, else its default.
 *
 * @param url admin-api's base URL
 * @param user the HTTP Basic user; null to send no credentials
 * @param password its password; null when none was given
 */
public record Settings(URI url, String user, String password) {

	public static final String DEFAULT_URL = "http://127.0.0.1:8088";

	/** The config file under the user's config directory ({@code $XDG_CONFIG_HOME}, else {@code ~/.config}). */
	static final String CONFIG_FILE = "meridian/meridianctl.properties";

	/**
	 * @param flags what the command line set (null where it did not): url, user, passwordFile, config
	 * @param env the process environment
	 * @param home the user's home directory
	 */
	static Settings resolve(Flags flags, Map<String, String> env, Path home) {
		Properties file = configFile(flags.config(), env, home);
		String url = first(flags.url(), env.get("MERIDIAN_URL"), file.getProperty("url"), DEFAULT_URL);
		String user = first(flags.user(), env.get("MERIDIAN_USER"), file.getProperty("user"), null);
		String password;
		if (flags.passwordFile() != null) {
			password = readPassword(flags.passwordFile(), "--password-file");
		}
		else if (env.get("MERIDIAN_PASSWORD") != null) {
			password = env.get("MERIDIAN_PASSWORD");
		}
		else if (env.get("MERIDIAN_PASSWORD_FILE") != null) {
			password = readPassword(Path.of(env.get("MERIDIAN_PASSWORD_FILE")), "MERIDIAN_PASSWORD_FILE");
		}
		else if (file.getProperty("password-file") != null) {
			password = readPassword(Path.of(file.getProperty("password-file")), "password-file in the config file");
		}
		else {
			password = file.getProperty("password");
		}
		URI uri;
		try {
			uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
			if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
				throw new IllegalArgumentException("not an http or https URL");
			}
		}
		catch (IllegalArgumentException ex) {
			throw new CtlException(ExitCodes.USAGE, "the admin-api URL '" + url + "' is wrong: " + ex.getMessage());
		}
		return new Settings(uri, user, password);
	}

	private static Properties configFile(Path given, Map<String, String> env, Path home) {
		Path path = given;
		if (path == null && env.get("MERIDIAN_CONFIG") != null) {
			path = Path.of(env.get("MERIDIAN_CONFIG"));
		}
		boolean explicit = path != null;
		if (path == null) {
			String xdg = env.get("XDG_CONFIG_HOME");
			path = ((xdg != null && !xdg.isEmpty()) ? Path.of(xdg) : home.resolve(".config")).resolve(CONFIG_FILE);
		}
		Properties properties = new Properties();
		if (!Files.exists(path)) {
			if (explicit) {
				throw new CtlException(ExitCodes.USAGE, "the config file " + path + " does not exist");
			}
			return properties;
		}
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			properties.load(reader);
			return properties;
		}
		catch (IOException ex) {
			throw new CtlException(ExitCodes.USAGE, "cannot read the config file " + path + ": " + ex.getMessage());
		}
	}

	/** The first line of the file, so that {@code echo secret > file} works. */
	static String readPassword(Path file, String source) {
		try {
			String content = Files.readString(file, StandardCharsets.UTF_8);
			int end = content.indexOf('\n');
			String line = (end >= 0) ? content.substring(0, end) : content;
			return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
		}
		catch (IOException ex) {
			throw new CtlException(ExitCodes.USAGE, "cannot read the password file " + file + " (" + source + "): " + ex.getMessage());
		}
	}

	private static String first(String... values) {
		for (String value : values) {
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

	/** What the command line said; null where it said nothing. */
	record Flags(String url, String user, Path passwordFile, Path config) {
	}

}
