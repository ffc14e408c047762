package io.meridian.bench.xmppload.scenario;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.HdrHistogram.Histogram;

import io.meridian.bench.xmppload.client.LoginSteps;
import io.meridian.bench.xmppload.client.StanzaListener;
import io.meridian.bench.xmppload.client.XmppClient;
import io.meridian.bench.xmppload.report.Latency;
import io.meridian.bench.xmppload.report.Metric;
import io.meridian.bench.xmppload.report.Result;

/**
 * N accounts connect at once (bounded by the concurrency), negotiate TLS, authenticate, bind,
 * send initial presence, and are online once the server answered a ping sent after the
 * presence. Two rounds: the first pays the client's PBKDF2 for every account (cold), the second
 * is what a reconnecting real client costs, with its SCRAM keys cached; the second is the
 * figure that compares servers, since the server's work is the same in both.
 */
public final class LoginStorm implements Scenario {

	@Override
	public String name() {
		return "login";
	}

	@Override
	public Result run(XmppClient client, RunOptions options) throws Exception {
		Result result = new Result(name() + "-" + client.endpoint().mechanism().toLowerCase(java.util.Locale.ROOT), options.server());
		double load = Logins.loadAverage();
		List<String> users = IntStream.range(0, options.users()).mapToObj(options::user).toList();
		long pbkdf2Before = client.endpoint().saltedPasswords().misses();
		Logins.Outcome cold = Logins.loginAll(client, users, i -> client.nextLoop(), LoginSteps.PRESENCE, StanzaListener.NONE,
				options.concurrency(), options.rate());
		Logins.closeAll(cold.connections());
		long pbkdf2Cold = client.endpoint().saltedPasswords().misses() - pbkdf2Before;
		Signal.pause(client.nextLoop(), TimeUnit.SECONDS.toNanos(1));
		Logins.Outcome warm = Logins.loginAll(client, users, i -> client.nextLoop(), LoginSteps.PRESENCE, StanzaListener.NONE,
				options.concurrency(), options.rate());
		Logins.closeAll(warm.connections());
		Histogram latency = warm.latency().snapshot();
		int online = options.users() - warm.failed();
		result.add(Metric.info("users", options.users(), "accounts"))
			.add(Metric.higher("logins_per_s", (online > 0) ? online / (warm.elapsedNanos() / 1e9) : Double.NaN, "logins/s"))
			// Not everyone got online: there is no time to all-online.
			.add(Metric.lower("all_online_s", (warm.failed() == 0) ? warm.elapsedNanos() / 1e9 : Double.NaN, "s"))
			.add(Metric.lower("login_p50_ms", Latency.percentileMillis(latency, 50), "ms"))
			.add(Metric.lower("login_p99_ms", Latency.percentileMillis(latency, 99), "ms"))
			.add(Metric.info("cold_logins_per_s", (cold.failed() < options.users()) ? (options.users() - cold.failed()) / (cold.elapsedNanos() / 1e9) : Double.NaN,
					"logins/s"))
			.add(Metric.info("client_pbkdf2", pbkdf2Cold, "derivations"))
			.add(Metric.info("scram_iterations", warm.scramIterations(), "iterations"))
			.add(Metric.info("concurrency", options.concurrency(), "logins in flight"))
			.add(Metric.info("failed_logins", cold.failed() + warm.failed(), "logins"))
			.add(Metric.info("load_avg_1m", load, "runnable"));
		String error = (warm.firstError() != null) ? warm.firstError() : cold.firstError();
		return (error != null) ? result.error(error) : result;
	}

}
