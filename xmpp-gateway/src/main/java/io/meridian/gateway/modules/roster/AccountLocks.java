package io.meridian.gateway.modules.roster;

import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.meridian.gateway.stanza.Jid;

/**
 * Striped in-memory locks by account. A roster change holds the locks of every account it
 * touches from its transaction until its stanzas are queued, so two changes of one roster reach
 * the clients in the order they were committed. Stripes are taken in index order: no deadlock.
 */
final class AccountLocks {

	private final ReentrantLock[] stripes;

	AccountLocks(int stripes) {
		this.stripes = new ReentrantLock[stripes];
		for (int i = 0; i < stripes; i++) {
			this.stripes[i] = new ReentrantLock();
		}
	}

	<T> T holding(Collection<Jid> accounts, Supplier<T> work) {
		int[] taken = accounts.stream().mapToInt(jid -> Math.floorMod(jid.bare().hashCode(), this.stripes.length)).distinct().sorted().toArray();
		for (int i : taken) {
			this.stripes[i].lock();
		}
		try {
			return work.get();
		}
		finally {
			for (int i = taken.length - 1; i >= 0; i--) {
				this.stripes[taken[i]].unlock();
			}
		}
	}

}
