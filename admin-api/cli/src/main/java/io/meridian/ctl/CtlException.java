package io.meridian.ctl;

/** A failed command: the message for stderr and the exit status. */
public class CtlException extends RuntimeException {

	private final int exitCode;

	public CtlException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	public int exitCode() {
		return this.exitCode;
	}

}
