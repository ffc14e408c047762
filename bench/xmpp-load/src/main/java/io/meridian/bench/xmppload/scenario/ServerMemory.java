package io.meridian.bench.xmppload.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The server's memory as an operator sees it: resident set from {@code /proc/<pid>/status} and,
 * for a JVM with a Prometheus endpoint, the heap in use ({@code jvm_memory_used_bytes{area="heap"}}
 * summed over the pools). Optionally asks a JVM for a full GC first, so the heap figure is live
 * data rather than garbage not yet collected.
 */
final class ServerMemory {

	private final long pid;

	private final String metricsUrl;

	private final boolean gc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ServerMemory(long pid, String metricsUrl, boolean gc) {
		this.pid = pid;
		this.metricsUrl = metricsUrl;
		this.gc = gc;
	}

	record Sample(double rssBytes, double heapBytes) {
	}

	Sample sample() throws IOException, InterruptedException {
		if (this.gc && this.pid > 0 && isJvm()) {
			String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
			Process p = new ProcessBuilder(jcmd, Long.toString(this.pid), "GC.run").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			// jcmd GC.run returns once the collection is done: sample right after it.
			p.waitFor(60, TimeUnit.SECONDS);
		}
		return new Sample(rss(), heap());
	}

	private boolean isJvm() throws IOException {
		Path cmdline = Path.of("/proc", Long.toString(this.pid), "cmdline");
		return Files.exists(cmdline) && Files.readString(cmdline).contains("java");
	}

	double rss() throws IOException {
		if (this.pid <= 0) {
			return Double.NaN;
		}
		return parseVmRss(Files.readString(Path.of("/proc", Long.toString(this.pid), "status")));
	}

	static double parseVmRss(String status) {
		for (String line : status.split("\n")) {
			if (line.startsWith("VmRSS:")) {
				String[] parts = line.substring(6).trim().split("\\s+");
				return Double.parseDouble(parts[0]) * 1024;
			}
		}
		return Double.NaN;
	}

	double heap() throws IOException, InterruptedException {
		if (this.metricsUrl == null) {
			return Double.NaN;
		}
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.metricsUrl)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		return parseHeapUsed(response.body());
	}

	static double parseHeapUsed(String prometheus) {
		double sum = 0;
		boolean found = false;
		for (String line : prometheus.split("\n")) {
			if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				found = true;
			}
		}
		return found ? sum : Double.NaN;
	}

}
