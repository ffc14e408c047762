package io.meridian.bench.xmppload.scenario;

import java.util.List;
import java.util.stream.IntStream;

import io.meridian.bench.xmppload.client.LoginSteps;
import io.meridian.bench.xmppload.client.StanzaListener;
import io.meridian.bench.xmppload.client.XmppClient;
import io.meridian.bench.xmppload.report.Metric;
import io.meridian.bench.xmppload.report.Result;

/**
 * Creates the accounts in band (XEP-0077, after STARTTLS), for a server whose operator tools
 * cannot yet: Meridian until its admin API exists. An account that exists already counts as
 * provisioned, so the step can be repeated.
 */
public final class Provision implements Scenario {

	@Override
	public String name() {
		return "provision";
	}

	@Override
	public Result run(XmppClient client, RunOptions options) throws Exception {
		Result result = new Result(name(), options.server());
		List<String> users = IntStream.range(0, options.users()).mapToObj(options::user).toList();
		Logins.Outcome outcome = Logins.loginAll(client, users, i -> client.nextLoop(), LoginSteps.REGISTER, StanzaListener.NONE,
				options.concurrency(), options.rate());
		Logins.closeAll(outcome.connections());
		result.add(Metric.info("accounts", users.size() - outcome.failed(), "accounts"))
			.add(Metric.info("registrations_per_s", (users.size() - outcome.failed()) / (outcome.elapsedNanos() / 1e9), "accounts/s"))
			.add(Metric.info("failed_logins", outcome.failed(), "registrations"));
		return (outcome.firstError() != null) ? result.error(outcome.firstError()) : result;
	}

}
