package io.meridian.bench.xmppload.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import org.HdrHistogram.Histogram;

import io.netty.channel.EventLoop;

import io.meridian.bench.xmppload.client.LoginSteps;
import io.meridian.bench.xmppload.client.StanzaListener;
import io.meridian.bench.xmppload.client.XmppClient;
import io.meridian.bench.xmppload.client.XmppConnection;
import io.meridian.bench.xmppload.report.Latency;
import io.meridian.bench.xmppload.report.Metric;
import io.meridian.bench.xmppload.report.Result;
import io.meridian.bench.xmppload.xml.XmlElement;

/**
 * P pairs of online users send each other chat messages, both ways, either at a total offered
 * rate (open loop: a 1 ms ticker per event loop sends what is due) or flat out (closed loop: a
 * window of messages in flight per sender, the next one sent when one arrives). Each body
 * carries its send time, so latency is measured at the receiver, in the same process and clock.
 * Every message sent is expected back: a shortfall after the drain is a loss.
 */
public final class Chat implements Scenario {

	private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(15);

	@Override
	public String name() {
		return "chat";
	}

	/** The body: {@code <sendNanos>;<seq>;} then padding up to the size. */
	static String body(long sendNanos, long seq, int size) {
		StringBuilder sb = new StringBuilder(Math.max(size, 48)).append(sendNanos).append(';').append(seq).append(';');
		while (sb.length() < size) {
			sb.append('x');
		}
		return sb.toString();
	}

	/** The send time in a body, or -1 when it is not one of ours. */
	static long sendNanos(String body) {
		if (body == null) {
			return -1;
		}
		int semi = body.indexOf(';');
		if (semi <= 0) {
			return -1;
		}
		try {
			return Long.parseLong(body, 0, semi, 10);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private final class Run implements StanzaListener {

		final RunOptions options;

		final LongAdder sent = new LongAdder();

		final LongAdder received = new LongAdder();

		final LongAdder receivedInWindow = new LongAdder();

		final LongAdder errors = new LongAdder();

		final LongAdder dropped = new LongAdder();

		/** Wakes the drain at the end when a reply, bounce or dropped connection comes in. */
		final Signal signal = new Signal();

		final Latency latency = new Latency();

		volatile boolean sending = true;

		volatile long measureFrom = Long.MAX_VALUE;

		volatile long measureTo = Long.MAX_VALUE;

		Run(RunOptions options) {
			this.options = options;
		}

		@Override
		public void onStanza(XmppConnection connection, XmlElement stanza) {
			if (!stanza.name().equals("message")) {
				return;
			}
			if ("error".equals(stanza.attribute("type"))) {
				this.errors.increment();
				this.signal.changed();
				return;
			}
			long sentAt = sendNanos(stanza.childText("body"));
			if (sentAt < 0) {
				return;
			}
			long now = System.nanoTime();
			this.received.increment();
			this.signal.changed();
			if (sentAt >= this.measureFrom && sentAt < this.measureTo) {
				this.latency.record(now - sentAt);
			}
			if (now >= this.measureFrom && now < this.measureTo) {
				this.receivedInWindow.increment();
			}
			Sender peer = ((Sender) connection.attachment).peer;
			if (peer != null && this.options.rate() <= 0) {
				peer.inFlight--;
				if (this.sending) {
					peer.sendOne();
				}
			}
		}

		@Override
		public void onClosed(XmppConnection connection, Throwable cause) {
			if (cause != null) {
				this.dropped.increment();
				this.signal.changed();
			}
		}

		/** One direction of a pair; touched only on the pair's event loop. */
		final class Sender {

			final XmppConnection connection;

			final String to;

			Sender peer;

			long seq;

			int inFlight;

			Sender(XmppConnection connection, String to) {
				this.connection = connection;
				this.to = to;
			}

			void sendOne() {
				long now = System.nanoTime();
				this.inFlight++;
				Run.this.sent.increment();
				this.connection.send("<message type='chat' to='" + this.to + "' id='m" + this.seq + "'><body>"
						+ body(now, this.seq++, Run.this.options.bodySize()) + "</body></message>");
			}

		}

	}

	@Override
	public Result run(XmppClient client, RunOptions options) throws Exception {
		Run run = new Run(options);
		String label = (options.rate() > 0) ? "chat-rate" + Math.round(options.rate()) : "chat-flat";
		Result result = new Result(label, options.server());
		double load = Logins.loadAverage();
		List<String> users = IntStream.range(0, options.pairs() * 2).mapToObj(options::user).toList();
		List<EventLoop> pairLoops = IntStream.range(0, options.pairs()).mapToObj(i -> client.nextLoop()).toList();
		Logins.Outcome login = Logins.loginAll(client, users, i -> pairLoops.get(i / 2), LoginSteps.PRESENCE, run, options.concurrency(), 0);
		if (login.failed() > 0) {
			Logins.closeAll(login.connections());
			return result.add(Metric.info("failed_logins", login.failed(), "logins")).error(login.firstError());
		}
		List<XmppConnection> connections = login.connections();
		Map<EventLoop, List<Run.Sender>> byLoop = new HashMap<>();
		for (int p = 0; p < options.pairs(); p++) {
			XmppConnection a = connections.get(2 * p);
			XmppConnection b = connections.get(2 * p + 1);
			Run.Sender ab = run.new Sender(a, b.bareJid());
			Run.Sender ba = run.new Sender(b, a.bareJid());
			ab.peer = ba;
			ba.peer = ab;
			a.attachment = ab;
			b.attachment = ba;
			byLoop.computeIfAbsent(pairLoops.get(p), l -> new ArrayList<>()).addAll(List.of(ab, ba));
		}
		long start = System.nanoTime();
		run.measureFrom = start + options.warmup().toNanos();
		run.measureTo = run.measureFrom + options.duration().toNanos();
		List<ScheduledFuture<?>> tickers = new ArrayList<>();
		int senders = options.pairs() * 2;
		for (Map.Entry<EventLoop, List<Run.Sender>> entry : byLoop.entrySet()) {
			List<Run.Sender> loopSenders = entry.getValue();
			if (options.rate() > 0) {
				double share = options.rate() * loopSenders.size() / senders;
				long[] sentHere = { 0 };
				int[] next = { 0 };
				tickers.add(entry.getKey().scheduleAtFixedRate(() -> {
					if (!run.sending) {
						return;
					}
					long due = (long) (share * (System.nanoTime() - start) / 1e9) - sentHere[0];
					for (long k = 0; k < due; k++) {
						loopSenders.get(next[0]).sendOne();
						next[0] = (next[0] + 1) % loopSenders.size();
						sentHere[0]++;
					}
				}, 0, 1, TimeUnit.MILLISECONDS));
			}
			else {
				entry.getKey().execute(() -> loopSenders.forEach(s -> {
					for (int w = 0; w < options.window(); w++) {
						s.sendOne();
					}
				}));
			}
		}
		Signal.pause(client.nextLoop(), run.measureTo - System.nanoTime());
		run.sending = false;
		tickers.forEach(t -> t.cancel(false));
		run.signal.await(() -> run.received.sum() + run.errors.sum() >= run.sent.sum() || run.dropped.sum() > 0, DRAIN_NANOS);
		long sent = run.sent.sum();
		long received = run.received.sum();
		Logins.closeAll(connections);
		Histogram histogram = run.latency.snapshot();
		result.add(Metric.info("pairs", options.pairs(), "pairs"))
			.add(Metric.info("offered_msg_per_s", (options.rate() > 0) ? options.rate() : Double.NaN, "msg/s"))
			.add(Metric.higher("delivered_msg_per_s", run.receivedInWindow.sum() / (options.duration().toNanos() / 1e9), "msg/s"))
			.add(Metric.lower("p50_ms", Latency.percentileMillis(histogram, 50), "ms"))
			.add(Metric.lower("p99_ms", Latency.percentileMillis(histogram, 99), "ms"))
			.add(Metric.lower("p999_ms", Latency.percentileMillis(histogram, 99.9), "ms"))
			.add(Metric.info("max_ms", Latency.maxMillis(histogram), "ms"))
			.add(Metric.info("sent", sent, "messages"))
			.add(Metric.info("received", received, "messages"))
			.add(Metric.info("losses", Math.max(0, sent - received - run.errors.sum()), "messages"))
			.add(Metric.info("errors", run.errors.sum() + run.dropped.sum(), "bounces and dropped connections"))
			.add(Metric.info("body_bytes", options.bodySize(), "bytes"))
			.add(Metric.info("load_avg_1m", load, "runnable"));
		return result;
	}

}
