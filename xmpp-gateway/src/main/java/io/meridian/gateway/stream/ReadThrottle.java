package io.meridian.gateway.stream;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Shapes what one connection reads, as ejabberd's {@code shaper} and Prosody's {@code limits}
 * do: a token bucket of bytes a second. A read that leaves the bucket in debt is still passed
 * on (nothing is dropped) but the channel stops reading until, on its event loop, the debt is
 * paid. The stream may also hold reading (an authentication or a stanza's database work in
 * flight); this handler is the only one that turns auto-read on and off, from both reasons.
 */
public final class ReadThrottle extends ChannelInboundHandlerAdapter {

	private final Counter pauses;

	private StreamRates rates;

	private ChannelHandlerContext ctx;

	private TokenBucket bucket;

	private boolean throttled;

	private boolean held;

	/**
	 * @param rates the rates until the stream authenticates
	 * @param pauses counts each time reading pauses for the rate
	 */
	public ReadThrottle(StreamRates rates, Counter pauses) {
		this.rates = rates;
		this.pauses = pauses;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.ctx = ctx;
		rates(this.rates);
	}

	/** Switches to other rates (after authentication) with a full bucket. */
	void rates(StreamRates rates) {
		this.rates = rates;
		this.bucket = new TokenBucket(rates.bytesPerSecond(), rates.byteBurst(), this.ctx.executor().ticker()::nanoTime);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof ByteBuf buf) {
			long wait = this.bucket.take(buf.readableBytes());
			if (wait > 0 && !this.throttled) {
				this.throttled = true;
				this.pauses.increment();
				apply();
				ctx.executor().schedule(this::resume, wait, TimeUnit.NANOSECONDS);
			}
		}
		ctx.fireChannelRead(msg);
	}

	/** Reads already under way when reading paused may have added debt: wait for that too. */
	private void resume() {
		long wait = this.bucket.take(0);
		if (wait > 0) {
			this.ctx.executor().schedule(this::resume, wait, TimeUnit.NANOSECONDS);
			return;
		}
		this.throttled = false;
		apply();
	}

	/** Stops reading while {@code held}, whatever the rate allows. */
	void hold(boolean held) {
		this.held = held;
		apply();
	}

	private void apply() {
		if (!this.ctx.channel().isActive()) {
			// Closed (work for it may still finish): nothing left to read, and no selector to ask.
			return;
		}
		// Turning auto-read back on also asks the channel for the next read.
		this.ctx.channel().config().setAutoRead(!this.throttled && !this.held);
	}

}
