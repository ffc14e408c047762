package io.meridian.bench.xmppload.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one scenario run measured against one server, in a fixed order. */
public final class Result {

	private final String scenario;

	private final String server;

	private final Map<String, Metric> metrics = new LinkedHashMap<>();

	private String error;

	public Result(String scenario, String server) {
		this.scenario = scenario;
		this.server = server;
	}

	public String scenario() {
		return this.scenario;
	}

	public String server() {
		return this.server;
	}

	public Result add(Metric metric) {
		this.metrics.put(metric.name(), metric);
		return this;
	}

	public List<Metric> metrics() {
		return new ArrayList<>(this.metrics.values());
	}

	public Metric metric(String name) {
		return this.metrics.get(name);
	}

	/** Why the scenario could not be measured, or null. */
	public String error() {
		return this.error;
	}

	public Result error(String error) {
		this.error = error;
		return this;
	}

	/** Losses plus failed logins: anything above zero fails the run. */
	public long failures() {
		long failures = 0;
		for (String name : List.of("losses", "failed_logins", "errors")) {
			Metric m = this.metrics.get(name);
			if (m != null && !Double.isNaN(m.value())) {
				failures += (long) m.value();
			}
		}
		return failures;
	}

	/** {@code RESULT scenario=chat server=meridian name=value ... [error="..."]}: one line a script can grep. */
	public String line() {
		StringBuilder sb = new StringBuilder("RESULT scenario=").append(this.scenario).append(" server=").append(this.server);
		this.metrics.values().forEach(m -> sb.append(' ').append(m.name()).append('=').append(m.formatted()));
		if (this.error != null) {
			sb.append(" error=\"").append(this.error.replace('"', '\'')).append('"');
		}
		return sb.toString();
	}

}
