package io.meridian.ctl;

/** Accounts and sessions as operators type them: {@code user@domain} and {@code user@domain/resource}. */
final class Jids {

	private Jids() {
	}

	/**
	 * @param username the localpart
	 * @param domain the domainpart
	 * @param resource the resourcepart; null for a bare JID
	 */
	record Jid(String username, String domain, String resource) {

		String bare() {
			return this.username + "@" + this.domain;
		}

	}

	/** A bare JID {@code user@domain}. */
	static Jid account(String text) {
		Jid jid = parse(text);
		if (jid.resource() != null) {
			throw new CtlException(ExitCodes.USAGE, "give the account as user@domain, without a resource: '" + text + "'");
		}
		return jid;
	}

	/** {@code user@domain} or {@code user@domain/resource}; the resource is what follows the first slash. */
	static Jid parse(String text) {
		int slash = text.indexOf('/');
		String bare = (slash >= 0) ? text.substring(0, slash) : text;
		String resource = (slash >= 0) ? text.substring(slash + 1) : null;
		int at = bare.indexOf('@');
		if (at <= 0 || at == bare.length() - 1 || (resource != null && resource.isEmpty())) {
			throw new CtlException(ExitCodes.USAGE, "give a JID as user@domain or user@domain/resource: '" + text + "'");
		}
		return new Jid(bare.substring(0, at), bare.substring(at + 1), resource);
	}

}
