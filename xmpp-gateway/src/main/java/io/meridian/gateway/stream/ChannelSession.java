package io.meridian.gateway.stream;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.Channel;
import io.netty.util.ReferenceCountUtil;

import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;

/** A bound session writing to its client's connection. */
final class ChannelSession implements LocalSession {

	private final Jid jid;

	private final Channel channel;

	private final ClientStreamHandler stream;

	private volatile Element presence;

	private volatile int priority;

	private volatile boolean interested;

	private final Set<Jid> directedPresence = ConcurrentHashMap.newKeySet();

	private final Instant since = Instant.now();

	/** Stanzas delivered and not yet written, in delivery order. */
	private final Queue<Object> outgoing = new ConcurrentLinkedQueue<>();

	/** Whether a task that writes {@link #outgoing} is queued on the event loop. */
	private final AtomicBoolean writeScheduled = new AtomicBoolean();

	ChannelSession(Jid jid, Channel channel, ClientStreamHandler stream) {
		this.jid = jid;
		this.channel = channel;
		this.stream = stream;
	}

	@Override
	public Jid jid() {
		return this.jid;
	}

	@Override
	public String address() {
		return (this.channel.remoteAddress() instanceof InetSocketAddress inet)
				? inet.getAddress().getHostAddress() + ":" + inet.getPort() : String.valueOf(this.channel.remoteAddress());
	}

	@Override
	public Instant since() {
		return this.since;
	}

	@Override
	public boolean available() {
		return this.presence != null;
	}

	@Override
	public int priority() {
		return this.priority;
	}

	@Override
	public Element presence() {
		return this.presence;
	}

	/** Takes the client's broadcast presence: available or not, and its priority (RFC 6121 4.7.2.3). */
	@Override
	public void updatePresence(Element presence) {
		String type = presence.attribute("type");
		if (type == null) {
			Element priority = presence.child("priority", Namespaces.CLIENT);
			try {
				this.priority = (priority != null) ? Math.clamp(Integer.parseInt(priority.text().trim()), -128, 127) : 0;
			}
			catch (NumberFormatException ex) {
				this.priority = 0;
			}
			this.presence = presence;
		}
		else if (type.equals("unavailable")) {
			this.presence = null;
		}
	}

	@Override
	public boolean interested() {
		return this.interested;
	}

	@Override
	public void markInterested() {
		this.interested = true;
	}

	@Override
	public Set<Jid> directedPresence() {
		return this.directedPresence;
	}

	@Override
	public void deliver(Element stanza) {
		this.outgoing.add(ClientStreamHandler.bytes(stanza.toXml(Namespaces.CLIENT)));
		// Always through the event loop's queue: a write from the loop's own thread would
		// otherwise overtake writes other threads queued before it (roster pushes in commit order).
		// Stanzas delivered before the task runs leave in one flush, so in one TLS record.
		if (this.writeScheduled.compareAndSet(false, true)) {
			try {
				this.channel.eventLoop().execute(this::writeOutgoing);
			}
			catch (RejectedExecutionException ex) {
				discardOutgoing();
			}
		}
	}

	private void writeOutgoing() {
		this.writeScheduled.set(false);
		Object bytes;
		while ((bytes = this.outgoing.poll()) != null) {
			this.channel.write(bytes);
		}
		this.channel.flush();
	}

	private void discardOutgoing() {
		Object bytes;
		while ((bytes = this.outgoing.poll()) != null) {
			ReferenceCountUtil.release(bytes);
		}
	}

	@Override
	public void end(String condition, String text) {
		StreamErrorCondition error = StreamErrorCondition.valueOf(condition.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		this.channel.eventLoop().execute(() -> {
			var ctx = this.channel.pipeline().context(this.stream);
			if (ctx != null) {
				this.stream.fail(ctx, new StreamException(error, text));
			}
		});
	}

}
