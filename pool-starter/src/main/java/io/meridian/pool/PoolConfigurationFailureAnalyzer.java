package io.meridian.pool;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad pool entry into the start-up report an operator reads, instead of a stack trace. */
class PoolConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PoolConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PoolConfigurationException cause) {
		return new FailureAnalysis("Outgoing pool configuration is invalid: " + cause.getMessage(),
				"Correct the entry under meridian.outgoing-pools named above (every option is in docs/pools.md).", cause);
	}

}
