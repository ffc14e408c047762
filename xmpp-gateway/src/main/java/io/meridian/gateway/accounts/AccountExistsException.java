package io.meridian.gateway.accounts;

/** Registering an account that exists already. */
public class AccountExistsException extends RuntimeException {

	public AccountExistsException(String jid) {
		super("account " + jid + " exists already");
	}

}
