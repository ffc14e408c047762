package io.meridian.gateway.stream;

/** Whether a plain-text listener offers STARTTLS, and whether clients must take it. */
public enum StartTlsPolicy {

	/** Offered, and nothing but STARTTLS is accepted before it. */
	REQUIRED,
	/** Offered; clients may authenticate without it (PLAIN stays unavailable). */
	OPTIONAL,
	/** Not offered. */
	DISABLED

}
