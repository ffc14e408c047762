package io.meridian.bench.domains;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.meridian.domains.api.DomainServiceClient;
import io.meridian.testsupport.RealServer;
import io.meridian.testsupport.RealServers;

/**
 * How long a domain added or enabled over domain-service's gRPC API takes to be servable on two
 * gateway nodes, from the start of the call until each node (and the slower of the two) serves
 * it. domain-service and both nodes run in this JVM on the real PostgreSQL and Redis, every node
 * nudged through Redis pub/sub as in production.
 *
 * <p>Servable is what a client sees: a stream header naming the domain is answered with
 * {@code <stream:features>} instead of {@code host-unknown}. Probing over TCP in a loop for every
 * change costs a connection every few hundred microseconds per node on a two-core machine, which
 * would slow the very nodes being measured and round each figure to the probe's own cost. So the
 * moment is taken in the node's {@code DomainTable} listener, called right after the table
 * changed (the c2s handler reads the same table, so from then on a header gets the features),
 * and the TCP probe serves twice as the user's view: after every change each node is asked once
 * and must answer as expected (added or enabled: features; disabled: host-unknown), and on a
 * sample of extra adds ({@code --probe-every}) the time is also taken by probing both nodes in a
 * loop from the call's start, to show that the two observations agree.
 *
 * <p>Scenario {@code nudged}: one change at a time (closed loop), each {@code --enable-every}-th
 * change an enable of a domain disabled just before (the disable is measured as well, until the
 * node refuses the domain), the first {@code --warmup} changes not counted. Scenario
 * {@code polled}: domain-service restarted to publish its nudges on a channel no node listens
 * to, so that every nudge is lost and only the nodes' polls find the changes; adds arrive at a
 * fixed {@code --rate} (open loop) so that they fall uniformly over the poll cycle, and the
 * figures show the poll interval's bound.
 *
 * <p>Prints a table per scenario and one {@code RESULT} line each; exits 1 when a change was not
 * followed in time or a node answered a stream the wrong way.
 */
public final class DomainPropagation {

	private final Cluster cluster;

	private final Options options;

	private final DomainServiceClient domains;

	private final List<Cluster.Node> nodes;

	private final List<Arrivals> arrivals = new ArrayList<>();

	private final ExecutorService probes;

	private final String run = Long.toString(ProcessHandle.current().pid(), 36);

	private int sequence;

	private int unexpectedAnswers;

	private int streamChecks;

	private DomainPropagation(Cluster cluster, Options options) {
		this.cluster = cluster;
		this.options = options;
		this.domains = cluster.domains();
		this.nodes = cluster.nodes();
		this.nodes.forEach(node -> this.arrivals.add(Arrivals.on(node.table())));
		this.probes = Executors.newFixedThreadPool(this.nodes.size(), Thread.ofPlatform().name("stream-probe-", 0).daemon().factory());
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		boolean ok = true;
		try (Cluster cluster = new Cluster(RealServers.locate(RealServer.POSTGRES), RealServers.locate(RealServer.REDIS),
				options.pollInterval())) {
			cluster.startDomainService(cluster.nudgeChannel());
			cluster.startNode("a");
			cluster.startNode("b");
			DomainPropagation propagation = new DomainPropagation(cluster, options);
			System.out.printf(Locale.ROOT, "%d nodes, poll interval %s, %d cores, %s, load average %s%n", cluster.nodes().size(),
					options.pollInterval(), Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
			if (options.runs("nudged")) {
				ok &= propagation.nudged();
			}
			if (options.runs("polled")) {
				ok &= propagation.polled();
			}
			propagation.probes.shutdownNow();
		}
		System.exit(ok ? 0 : 1);
	}

	/** One change at a time, nudged through Redis. */
	private boolean nudged() throws Exception {
		Tally tally = new Tally();
		Tally probed = new Tally();
		int total = this.options.warmup() + this.options.changes();
		String lastAdded = null;
		for (int i = 0; i < total; i++) {
			boolean counted = i >= this.options.warmup();
			Tally into = counted ? tally : new Tally();
			if (i % this.options.enableEvery() == this.options.enableEvery() - 1 && lastAdded != null) {
				into.record("disable (refused)", change(Kind.DISABLE, lastAdded));
				check(lastAdded, false);
				long[] enabled = change(Kind.ENABLE, lastAdded);
				into.record("enable", enabled);
				into.record("add or enable", enabled);
				check(lastAdded, true);
			}
			else {
				lastAdded = name();
				long[] added = change(Kind.ADD, lastAdded);
				into.record("add", added);
				into.record("add or enable", added);
				check(lastAdded, true);
			}
			if (i % this.options.probeEvery() == 0) {
				probedAdd(counted ? probed : new Tally());
			}
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "scenario nudged: %d changes after %d not counted (warm-up); every %d-th an enable of a domain "
				+ "disabled just before; load average %s%n", this.options.changes(), this.options.warmup(), this.options.enableEvery(),
				loadAverage());
		tally.print();
		System.out.printf(Locale.ROOT, "%nsample: every %d-th change, one more add watched both ways from the call's start%n",
				this.options.probeEvery());
		probed.print();
		System.out.printf(Locale.ROOT, "stream checks after each change: %d, unexpected answers: %d%n", this.streamChecks,
				this.unexpectedAnswers);
		Latencies both = tally.get("add or enable", "both");
		Latencies tcp = probed.get("add (stream probe)", "both");
		System.out.printf(Locale.ROOT,
				"RESULT scenario=nudged nodes=%d changes=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f probe_p50_ms=%.3f "
						+ "probe_p99_ms=%.3f unexpected=%d load_avg_1m=%s%n",
				this.nodes.size(), both.count(), Latencies.ms(both.percentile(50)), Latencies.ms(both.percentile(90)),
				Latencies.ms(both.percentile(99)), Latencies.ms(both.max()), Latencies.ms(tcp.percentile(50)), Latencies.ms(tcp.percentile(99)),
				this.unexpectedAnswers, loadAverage().split(" ")[0]);
		return this.unexpectedAnswers == 0;
	}

	/** Every nudge lost: adds at a fixed rate, found by the nodes' polls alone. */
	private boolean polled() throws Exception {
		this.cluster.startDomainService(this.cluster.nudgeChannel() + ":lost");
		// The nodes' channels reconnect to the restarted service with a back-off: wait until they follow again.
		change(Kind.ADD, name());
		int total = this.options.polledWarmup() + this.options.polledChanges();
		List<Pending> pending = new ArrayList<>();
		AtomicInteger issued = new AtomicInteger();
		CountDownLatch allIssued = new CountDownLatch(1);
		ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
		pace.scheduleAtFixedRate(() -> {
			int i = issued.getAndIncrement();
			if (i >= total) {
				allIssued.countDown();
				return;
			}
			String domain = name();
			List<CompletableFuture<Long>> arrived = this.arrivals.stream().map(a -> a.added(domain)).toList();
			long start = System.nanoTime();
			this.domains.add(domain, Cluster.HOST_TYPE);
			synchronized (pending) {
				pending.add(new Pending(domain, start, arrived, i >= this.options.polledWarmup()));
			}
		}, 0, Math.round(1e9 / this.options.rate()), TimeUnit.NANOSECONDS);
		allIssued.await();
		pace.shutdownNow();
		pace.awaitTermination(10, TimeUnit.SECONDS);

		Tally tally = new Tally();
		long deadline = System.nanoTime() + this.options.pollInterval().multipliedBy(3).plus(this.options.timeout()).toNanos();
		for (Pending change : pending) {
			long[] elapsed = new long[this.nodes.size()];
			for (int n = 0; n < elapsed.length; n++) {
				elapsed[n] = change.arrived().get(n).get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS) - change.start();
			}
			if (change.counted()) {
				tally.record("add (polled)", elapsed);
			}
			check(change.domain(), true);
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "scenario polled: every nudge lost, %d adds at %.1f/s after %d not counted; poll interval %s; "
				+ "load average %s%n", this.options.polledChanges(), this.options.rate(), this.options.polledWarmup(),
				this.options.pollInterval(), loadAverage());
		tally.print();
		System.out.printf(Locale.ROOT, "stream checks after the changes: %d in all, unexpected answers: %d%n", this.streamChecks,
				this.unexpectedAnswers);
		Latencies both = tally.get("add (polled)", "both");
		System.out.printf(Locale.ROOT,
				"RESULT scenario=polled nodes=%d changes=%d poll_interval_ms=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f "
						+ "unexpected=%d load_avg_1m=%s%n",
				this.nodes.size(), both.count(), this.options.pollInterval().toMillis(), Latencies.ms(both.percentile(50)),
				Latencies.ms(both.percentile(90)), Latencies.ms(both.percentile(99)), Latencies.ms(both.max()), this.unexpectedAnswers,
				loadAverage().split(" ")[0]);
		return this.unexpectedAnswers == 0;
	}

	/** Makes one change and waits until every node's table has followed it. @return the time each node took */
	private long[] change(Kind kind, String domain) throws Exception {
		List<CompletableFuture<Long>> arrived = this.arrivals.stream()
			.map(a -> (kind == Kind.DISABLE) ? a.removed(domain) : a.added(domain))
			.toList();
		long start = System.nanoTime();
		switch (kind) {
			case ADD -> this.domains.add(domain, Cluster.HOST_TYPE);
			case ENABLE -> this.domains.enable(domain);
			case DISABLE -> this.domains.disable(domain);
		}
		long[] elapsed = new long[arrived.size()];
		for (int n = 0; n < elapsed.length; n++) {
			try {
				elapsed[n] = arrived.get(n).get(this.options.timeout().toMillis(), TimeUnit.MILLISECONDS) - start;
			}
			catch (TimeoutException ex) {
				throw new IllegalStateException(kind + " of " + domain + " not followed by node " + this.nodes.get(n).name() + " within "
						+ this.options.timeout(), ex);
			}
		}
		return elapsed;
	}

	/** An add timed by probing every node over TCP in a loop from the call's start, beside the table's own time. */
	private void probedAdd(Tally into) throws Exception {
		String domain = name();
		List<CompletableFuture<Long>> arrived = this.arrivals.stream().map(a -> a.added(domain)).toList();
		List<Future<Long>> accepted = new ArrayList<>();
		for (Cluster.Node node : this.nodes) {
			accepted.add(this.probes.submit(() -> {
				// host-unknown: not yet; ask again at once.
				while (!StreamProbe.accepts(node.c2sPort(), domain)) {
					if (Thread.currentThread().isInterrupted()) {
						throw new InterruptedException("gave up on " + domain);
					}
				}
				return System.nanoTime();
			}));
		}
		long start = System.nanoTime();
		this.domains.add(domain, Cluster.HOST_TYPE);
		long[] probe = new long[this.nodes.size()];
		long[] table = new long[this.nodes.size()];
		for (int n = 0; n < probe.length; n++) {
			probe[n] = accepted.get(n).get(this.options.timeout().toMillis(), TimeUnit.MILLISECONDS) - start;
			table[n] = arrived.get(n).get(this.options.timeout().toMillis(), TimeUnit.MILLISECONDS) - start;
		}
		into.record("add (stream probe)", probe);
		into.record("add (table, same adds)", table);
	}

	/** Asks every node once, as a client would, whether it serves the domain. */
	private void check(String domain, boolean served) throws IOException {
		for (Cluster.Node node : this.nodes) {
			this.streamChecks++;
			if (StreamProbe.accepts(node.c2sPort(), domain) != served) {
				this.unexpectedAnswers++;
				System.out.printf(Locale.ROOT, "node %s %s a stream to %s after the change%n", node.name(), served ? "refused" : "accepted",
						domain);
			}
		}
	}

	private String name() {
		return "d" + (this.sequence++) + "-" + this.run + ".bench.test";
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "n/a";
		}
	}

	private enum Kind {

		ADD, ENABLE, DISABLE

	}

	private record Pending(String domain, long start, List<CompletableFuture<Long>> arrived, boolean counted) {
	}

	/** Latencies by change and node, plus "both": the slower node of each change. */
	private final class Tally {

		private final Map<String, Map<String, Latencies>> byChange = new LinkedHashMap<>();

		void record(String change, long[] elapsed) {
			Map<String, Latencies> byNode = this.byChange.computeIfAbsent(change, c -> new LinkedHashMap<>());
			long slowest = 0;
			for (int n = 0; n < elapsed.length; n++) {
				byNode.computeIfAbsent(DomainPropagation.this.nodes.get(n).name(), k -> new Latencies()).add(elapsed[n]);
				slowest = Math.max(slowest, elapsed[n]);
			}
			byNode.computeIfAbsent("both", k -> new Latencies()).add(slowest);
		}

		Latencies get(String change, String node) {
			return this.byChange.getOrDefault(change, Map.of()).getOrDefault(node, new Latencies());
		}

		void print() {
			System.out.println(Latencies.header());
			this.byChange.forEach((change, byNode) -> byNode.forEach((node, latencies) -> System.out.println(latencies.row(change, node))));
		}

	}

}
