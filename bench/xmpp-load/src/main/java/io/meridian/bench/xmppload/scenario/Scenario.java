package io.meridian.bench.xmppload.scenario;

import io.meridian.bench.xmppload.client.XmppClient;
import io.meridian.bench.xmppload.report.Result;

/** One load scenario: runs against the client's endpoint and returns what it measured. */
public interface Scenario {

	String name();

	Result run(XmppClient client, RunOptions options) throws Exception;

}
