package io.meridian.bench.xmppload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value}, {@code --name=value} and bare {@code --flag}; reports options nobody read. */
final class Args {

	private final Map<String, String> values = new LinkedHashMap<>();

	private final List<String> positional = new ArrayList<>();

	private final Set<String> read = new LinkedHashSet<>();

	Args(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				this.positional.add(arg);
				continue;
			}
			String name = arg.substring(2);
			int eq = name.indexOf('=');
			if (eq >= 0) {
				this.values.put(name.substring(0, eq), name.substring(eq + 1));
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				this.values.put(name, args[++i]);
			}
			else {
				this.values.put(name, "true");
			}
		}
	}

	List<String> positional() {
		return this.positional;
	}

	String string(String name, String fallback) {
		this.read.add(name);
		return this.values.getOrDefault(name, fallback);
	}

	int integer(String name, int fallback) {
		String v = string(name, null);
		return (v != null) ? Integer.parseInt(v.replace("_", "")) : fallback;
	}

	double decimal(String name, double fallback) {
		String v = string(name, null);
		return (v != null) ? Double.parseDouble(v) : fallback;
	}

	boolean flag(String name) {
		return Boolean.parseBoolean(string(name, "false"));
	}

	/** Seconds ("30"), or a suffixed duration ("500ms", "2m"). */
	Duration duration(String name, Duration fallback) {
		String v = string(name, null);
		if (v == null) {
			return fallback;
		}
		if (v.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
		}
		if (v.endsWith("m")) {
			return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
		}
		return Duration.ofMillis((long) (Double.parseDouble(v.endsWith("s") ? v.substring(0, v.length() - 1) : v) * 1000));
	}

	/** Options given but never read: typos, or options of another scenario. */
	List<String> unused() {
		return this.values.keySet().stream().filter(k -> !this.read.contains(k)).toList();
	}

}
