package io.meridian.pool;

/** A pool entry is wrong; the message names the entry, the key and the fix. */
public class PoolConfigurationException extends RuntimeException {

	public PoolConfigurationException(String message) {
		super(message);
	}

	public PoolConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}
