package io.meridian.pool;

import java.util.Locale;

/** How a call picks the worker that runs it (MongooseIM's pool strategies). */
public enum WorkerStrategy {

	/** The worker with the fewest calls running or waiting. */
	BEST_WORKER,
	/** Any worker, at random. */
	RANDOM_WORKER,
	/** The workers in turn. */
	NEXT_WORKER,
	/** A free worker; waits for one up to the call timeout. */
	AVAILABLE_WORKER,
	/** The worker chosen by the call's key, so calls with one key run in order. */
	HASH_WORKER;

	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
