package io.meridian.bench.xmppload.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

import io.meridian.bench.xmppload.client.LoginSteps;
import io.meridian.bench.xmppload.client.StanzaListener;
import io.meridian.bench.xmppload.client.XmppClient;
import io.meridian.bench.xmppload.client.XmppConnection;
import io.meridian.bench.xmppload.report.Metric;
import io.meridian.bench.xmppload.report.Result;
import io.meridian.bench.xmppload.xml.XmlElement;

/**
 * Presence fan-out over real rosters (RFC 6121). U users on a ring, each with R contacts (the
 * R/2 nearest on each side) and mutual ("both") subscriptions, made through the protocol:
 * subscribe, subscribed, both ways, on a first login when the rosters are not there yet.
 * Measured on a second login: (1) everybody sends initial presence at once, until every user
 * has seen all R contacts online; (2) waves of users go offline and online again. The users of
 * one wave are never each other's contacts, so each toggle must deliver exactly 3R presence
 * stanzas (unavailable and available to R contacts, R probe answers back), which makes losses
 * countable.
 */
public final class PresenceFanout implements Scenario {

	private static final long WAVE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

	/** A server busy with thousands of subscriptions answers late; late is not lost. */
	private static final long IQ_TIMEOUT_SECONDS = 120;

	@Override
	public String name() {
		return "fanout";
	}

	/** Contacts of user {@code i} among {@code users}: the {@code roster/2} nearest on each side of the ring. */
	static List<Integer> contacts(int i, int users, int roster) {
		List<Integer> contacts = new ArrayList<>(roster);
		for (int d = 1; d <= roster / 2; d++) {
			contacts.add(Math.floorMod(i + d, users));
			contacts.add(Math.floorMod(i - d, users));
		}
		return contacts;
	}

	/** Users that toggle in wave {@code k}: a residue class mod R/2+1, never contacts of each other, across the ring's seam too. */
	static List<Integer> wave(int k, int users, int roster) {
		int m = roster / 2 + 1;
		int usable = users - (users % m);
		List<Integer> wave = new ArrayList<>();
		for (int i = k; i < usable; i += m) {
			wave.add(i);
		}
		return wave;
	}

	static int waves(int roster) {
		return roster / 2 + 1;
	}

	private static final class Peer {

		final int index;

		final Set<String> seenOnline = new HashSet<>();

		Peer(int index) {
			this.index = index;
		}

	}

	private static final class Counting implements StanzaListener {

		final int roster;

		final LongAdder presences = new LongAdder();

		final LongAdder subscribed = new LongAdder();

		final AtomicInteger sawAllContacts = new AtomicInteger();

		final LongAdder dropped = new LongAdder();

		/** Wakes the scenario's thread when a presence or a subscribed comes in. */
		final Signal signal = new Signal();

		Counting(int roster) {
			this.roster = roster;
		}

		@Override
		public void onStanza(XmppConnection connection, XmlElement stanza) {
			if (!stanza.name().equals("presence")) {
				return;
			}
			String from = stanza.attribute("from");
			if (from == null) {
				return;
			}
			int slash = from.indexOf('/');
			String bare = (slash < 0) ? from : from.substring(0, slash);
			if (bare.equalsIgnoreCase(connection.bareJid())) {
				return;
			}
			String type = stanza.attribute("type");
			if (type == null || type.equals("unavailable")) {
				this.presences.increment();
				Peer peer = (Peer) connection.attachment;
				if (type == null && peer != null && peer.seenOnline.add(bare) && peer.seenOnline.size() == this.roster) {
					this.sawAllContacts.incrementAndGet();
				}
				this.signal.changed();
			}
			else if (type.equals("subscribe")) {
				connection.send("<presence type='subscribed' to='" + bare + "'/>");
			}
			else if (type.equals("subscribed")) {
				this.subscribed.increment();
				this.signal.changed();
			}
		}

		@Override
		public void onClosed(XmppConnection connection, Throwable cause) {
			if (cause != null) {
				this.dropped.increment();
			}
		}

	}

	@Override
	public Result run(XmppClient client, RunOptions options) throws Exception {
		int users = options.users();
		int roster = options.roster() - (options.roster() % 2);
		Result result = new Result(name(), options.server());
		double load = Logins.loadAverage();
		if (roster < 2 || users < roster + 1) {
			return result.error("fanout needs an even --roster >= 2 and --users > roster");
		}
		List<String> names = IntStream.range(0, users).mapToObj(options::user).toList();
		String setupError = ensureSubscriptions(client, options, names, roster);
		if (setupError != null) {
			return result.add(Metric.info("users", users, "users")).add(Metric.info("roster", roster, "contacts")).error(setupError);
		}

		Counting counting = new Counting(roster);
		Logins.Outcome login = Logins.loginAll(client, names, i -> client.nextLoop(), LoginSteps.ROSTER_ONLY, counting, options.concurrency(), 0);
		if (login.failed() > 0) {
			Logins.closeAll(login.connections());
			return result.add(Metric.info("failed_logins", login.failed(), "logins")).error(login.firstError());
		}
		List<XmppConnection> connections = login.connections();
		for (int i = 0; i < users; i++) {
			connections.get(i).attachment = new Peer(i);
		}

		// (1) everybody comes online at once
		long onlineStart = System.nanoTime();
		connections.forEach(c -> c.send("<presence/>"));
		boolean allSeen = waitFor(counting, () -> counting.sawAllContacts.get(), users, TimeUnit.SECONDS.toNanos(60) + users * 20_000_000L);
		long onlineNanos = System.nanoTime() - onlineStart;
		long onlineDelivered = counting.presences.sum();
		// Let stragglers of the online burst arrive before the toggles are counted.
		Signal.pause(client.nextLoop(), TimeUnit.SECONDS.toNanos(1));

		// (2) waves of offline/online toggles for the duration
		long toggleStart = System.nanoTime();
		long deliveredBefore = counting.presences.sum();
		long deadline = toggleStart + options.duration().toNanos();
		long toggles = 0;
		long losses = 0;
		for (int k = 0; System.nanoTime() < deadline; k = (k + 1) % waves(roster)) {
			List<Integer> wave = wave(k, users, roster);
			long base = counting.presences.sum();
			long expected = 3L * roster * wave.size();
			for (int i : wave) {
				connections.get(i).send("<presence type='unavailable'/><presence/>");
			}
			waitFor(counting, () -> counting.presences.sum() - base, expected, WAVE_TIMEOUT_NANOS);
			losses += Math.max(0, expected - (counting.presences.sum() - base));
			toggles += wave.size();
		}
		long toggleNanos = System.nanoTime() - toggleStart;
		long toggleDelivered = counting.presences.sum() - deliveredBefore;
		Logins.closeAll(connections);

		result.add(Metric.info("users", users, "users"))
			.add(Metric.info("roster", roster, "contacts"))
			.add(Metric.higher("presence_per_s", toggleDelivered / (toggleNanos / 1e9), "presence stanzas/s"))
			.add(Metric.lower("all_online_s", allSeen ? onlineNanos / 1e9 : Double.NaN, "s"))
			.add(Metric.info("online_presence_per_s", onlineDelivered / (onlineNanos / 1e9), "presence stanzas/s"))
			.add(Metric.info("toggles", toggles, "offline/online"))
			.add(Metric.info("delivered", toggleDelivered, "presence stanzas"))
			.add(Metric.info("losses", losses + (allSeen ? 0 : users - counting.sawAllContacts.get()), "presence stanzas"))
			.add(Metric.info("errors", counting.dropped.sum(), "dropped connections"))
			.add(Metric.info("load_avg_1m", load, "runnable"));
		return result;
	}

	/**
	 * First login: rosters complete already, or make them by subscribe/subscribed both ways.
	 * @return null when every user has its R contacts with subscription "both", else why not
	 */
	private String ensureSubscriptions(XmppClient client, RunOptions options, List<String> names, int roster) throws Exception {
		int users = names.size();
		Counting counting = new Counting(roster);
		Logins.Outcome login = Logins.loginAll(client, names, i -> client.nextLoop(), new LoginSteps(true, true, false), counting,
				options.concurrency(), 0);
		try {
			if (login.failed() > 0) {
				return login.firstError();
			}
			List<XmppConnection> connections = login.connections();
			if (complete(connections, roster)) {
				return null;
			}
			XmppConnection first = connections.get(0);
			String contact = names.get(contacts(0, users, roster).get(0)) + "@" + client.endpoint().domain();
			XmlElement answer = first.iq("set", null, "<query xmlns='" + XmppConnection.ROSTER + "'><item jid='" + contact + "'/></query>")
				.get(IQ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			if ("error".equals(answer.attribute("type"))) {
				return "the server refused a roster set (" + XmppConnection.errorCondition(answer)
						+ "): presence fan-out needs rosters and presence subscriptions (RFC 6121)";
			}
			for (int i = 0; i < users; i++) {
				StringBuilder subscribes = new StringBuilder();
				for (int c : contacts(i, users, roster)) {
					subscribes.append("<presence type='subscribe' to='").append(names.get(c)).append('@').append(client.endpoint().domain()).append("'/>");
				}
				connections.get(i).send(subscribes.toString());
			}
			waitFor(counting, () -> counting.subscribed.sum(), (long) users * roster, TimeUnit.SECONDS.toNanos(60) + users * roster * 5_000_000L);
			Signal.pause(client.nextLoop(), TimeUnit.MILLISECONDS.toNanos(500));
			int complete = 0;
			for (XmppConnection c : connections) {
				XmlElement result = c.iq("get", null, "<query xmlns='" + XmppConnection.ROSTER + "'/>").get(IQ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
				XmlElement query = result.child("query", XmppConnection.ROSTER);
				if (query != null && mutual(query.children()) >= roster) {
					complete++;
				}
			}
			return (complete == users) ? null
					: "subscriptions incomplete: " + complete + " of " + users + " users have " + roster + " mutual contacts";
		}
		finally {
			Logins.closeAll(login.connections());
		}
	}

	private static boolean complete(List<XmppConnection> connections, int roster) {
		return connections.stream().allMatch(c -> mutual(c.roster()) >= roster);
	}

	private static long mutual(List<XmlElement> items) {
		return items.stream().filter(item -> "both".equals(item.attribute("subscription"))).count();
	}

	private static boolean waitFor(Counting counting, LongSupplier value, long target, long timeoutNanos) throws InterruptedException {
		return counting.signal.await(() -> value.getAsLong() >= target, timeoutNanos);
	}

}
