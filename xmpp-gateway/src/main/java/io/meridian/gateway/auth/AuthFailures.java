package io.meridian.gateway.auth;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication failures per client address, as ejabberd's {@code mod_fail2ban} counts them:
 * each failure extends the address's record by the window, and an address with
 * {@code maxFailures} on record is refused until its record expires. Records expire, so the
 * table holds only addresses that failed within the last window or two. Thread-safe.
 */
public final class AuthFailures {

	private static final Logger log = LoggerFactory.getLogger(AuthFailures.class);

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	private final Map<InetAddress, Record> records = new ConcurrentHashMap<>();

	private volatile Instant nextSweep;

	/**
	 * @param maxFailures failures after which an address is refused
	 * @param window how long a failure is remembered, counted from the address's last one
	 * @param clock the time
	 */
	public AuthFailures(int maxFailures, Duration window, Clock clock) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
		this.nextSweep = clock.instant().plus(window);
	}

	/** Whether authentication from this address is refused now. */
	public boolean blocked(InetAddress address) {
		Record record = this.records.get(address);
		return record != null && record.failures() >= this.maxFailures && !record.expired(this.clock.instant());
	}

	/** Counts one failure; the one that reaches the limit is logged, once per block. */
	public void failed(InetAddress address) {
		Instant now = this.clock.instant();
		Record record = this.records.compute(address,
				(key, old) -> new Record((old == null || old.expired(now)) ? 1 : old.failures() + 1, now.plus(this.window)));
		if (record.failures() == this.maxFailures) {
			log.warn("Refusing authentication from {} until {}: {} failures, each less than {} after the one before "
					+ "(meridian.auth.max-failures)", address.getHostAddress(), record.expires(), record.failures(), this.window);
		}
		sweep(now);
	}

	/** How many addresses are on record. */
	int tracked() {
		return this.records.size();
	}

	/** Drops expired records at most once a window, so that the table cannot outgrow what one window brings. */
	private void sweep(Instant now) {
		if (now.isBefore(this.nextSweep)) {
			return;
		}
		this.nextSweep = now.plus(this.window);
		this.records.values().removeIf(record -> record.expired(now));
	}

	private record Record(int failures, Instant expires) {

		boolean expired(Instant now) {
			return !now.isBefore(this.expires);
		}

	}

}
