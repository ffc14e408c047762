package io.meridian.bench.xmppload.scenario;

import java.util.List;
import java.util.stream.IntStream;

import io.meridian.bench.xmppload.client.LoginSteps;
import io.meridian.bench.xmppload.client.StanzaListener;
import io.meridian.bench.xmppload.client.XmppClient;
import io.meridian.bench.xmppload.report.Metric;
import io.meridian.bench.xmppload.report.Result;

/**
 * N authenticated sessions (TLS, bound, initial presence sent) that then do nothing: what each
 * costs the server in resident memory and, for Meridian, in heap. Sampled before the first
 * connection and after the sessions have sat idle for the hold time.
 */
public final class Idle implements Scenario {

	@Override
	public String name() {
		return "idle";
	}

	@Override
	public Result run(XmppClient client, RunOptions options) throws Exception {
		Result result = new Result(name(), options.server());
		double load = Logins.loadAverage();
		ServerMemory memory = new ServerMemory(options.serverPid(), options.metricsUrl(), options.gcBeforeSample());
		ServerMemory.Sample before = memory.sample();
		List<String> users = IntStream.range(0, options.users()).mapToObj(options::user).toList();
		Logins.Outcome login = Logins.loginAll(client, users, i -> client.nextLoop(), LoginSteps.PRESENCE, StanzaListener.NONE,
				options.concurrency(), options.rate());
		Signal.pause(client.nextLoop(), options.hold().toNanos());
		long stillOpen = login.online().stream().filter(c -> c.isOnline()).count();
		ServerMemory.Sample after = memory.sample();
		Logins.closeAll(login.connections());
		int sessions = login.online().size();
		result.add(Metric.info("sessions", sessions, "sessions"))
			.add(Metric.lower("rss_kib_per_session", (after.rssBytes() - before.rssBytes()) / 1024 / sessions, "KiB"))
			.add(Metric.lower("heap_kib_per_session", (after.heapBytes() - before.heapBytes()) / 1024 / sessions, "KiB"))
			.add(Metric.info("rss_before_mib", before.rssBytes() / 1048576, "MiB"))
			.add(Metric.info("rss_after_mib", after.rssBytes() / 1048576, "MiB"))
			.add(Metric.info("heap_after_mib", after.heapBytes() / 1048576, "MiB"))
			.add(Metric.info("hold_s", options.hold().toMillis() / 1000.0, "s"))
			.add(Metric.info("failed_logins", login.failed(), "logins"))
			.add(Metric.info("losses", sessions - stillOpen, "sessions dropped while idle"))
			.add(Metric.info("load_avg_1m", load, "runnable"));
		return (login.firstError() != null) ? result.error(login.firstError()) : result;
	}

}
