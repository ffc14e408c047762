package io.meridian.ctl;

/**
 * What meridianctl's exit status means, for scripts. Stable: new codes may be added, these
 * keep their meaning.
 */
public final class ExitCodes {

	/** Done. */
	public static final int OK = 0;

	/** The command line is wrong (unknown command or option, missing argument) or the settings are. */
	public static final int USAGE = 1;

	/** No such account, session, domain (HTTP 404). */
	public static final int NOT_FOUND = 2;

	/** It exists already, or is bound otherwise (HTTP 409). */
	public static final int CONFLICT = 3;

	/** Refused: the user may not do this, or the target is locked (HTTP 403). */
	public static final int FORBIDDEN = 4;

	/** admin-api, or a service behind it, cannot be reached or did not answer in time (HTTP 503, 504). */
	public static final int UNREACHABLE = 5;

	/** admin-api refused the input (HTTP 400): the message names the field. */
	public static final int INVALID = 6;

	/** The user name or password is missing or wrong (HTTP 401). */
	public static final int UNAUTHENTICATED = 7;

	/** Anything else: an unexpected answer or an internal error. */
	public static final int FAILED = 8;

	private ExitCodes() {
	}

	/** The exit status of an HTTP error status. */
	public static int of(int httpStatus) {
		return switch (httpStatus) {
			case 400 -> INVALID;
			case 401 -> UNAUTHENTICATED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 409 -> CONFLICT;
			case 503, 504 -> UNREACHABLE;
			default -> (httpStatus < 400) ? OK : FAILED;
		};
	}

}
