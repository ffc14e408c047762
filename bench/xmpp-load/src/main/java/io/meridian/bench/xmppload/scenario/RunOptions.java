package io.meridian.bench.xmppload.scenario;

import java.time.Duration;

/**
 * The knobs of a scenario run; each scenario reads the ones it needs.
 *
 * @param server label of the server in the results (meridian, ejabberd, prosody, relay)
 * @param users accounts used (login, idle, fanout)
 * @param firstUser index of the first account, so runs can use disjoint accounts
 * @param userPrefix account names are prefix + index
 * @param pairs chat pairs (2 × pairs accounts)
 * @param rate chat: messages per second offered in total, 0 = flat out; login: logins per second, 0 = as fast as the concurrency allows
 * @param window chat flat out: messages in flight per sender
 * @param bodySize chat: body length in bytes
 * @param duration measured time
 * @param warmup time before the measurement (chat)
 * @param concurrency logins in flight at once
 * @param roster fanout: contacts per user (even)
 * @param hold idle: how long the sessions stay idle before memory is sampled
 * @param serverPid idle: the server's process, for its RSS (0 = unknown)
 * @param metricsUrl idle: a Prometheus endpoint with {@code jvm_memory_used_bytes{area="heap"}}, or null
 * @param gcBeforeSample idle: ask a JVM server for a full GC (jcmd) before each memory sample
 */
public record RunOptions(String server, int users, int firstUser, String userPrefix, int pairs, double rate, int window, int bodySize,
		Duration duration, Duration warmup, int concurrency, int roster, Duration hold, long serverPid, String metricsUrl,
		boolean gcBeforeSample) {

	public String user(int index) {
		return this.userPrefix + (this.firstUser + index);
	}

}
