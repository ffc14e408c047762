package io.meridian.gateway.stanza;

import java.net.IDN;
import java.util.Locale;

/**
 * An XMPP address (RFC 7622): {@code local@domain/resource}, each part optional but the domain.
 * Made only through {@link #parse(String)} or {@link #of(String, String, String)}, which apply
 * the same rules: parts case-folded with {@code Locale.ROOT} (local and domain), forbidden
 * characters refused, each part at most 1023 bytes.
 *
 * @param local the local part, or null
 * @param domain the domain part, never null
 * @param resource the resource part, or null
 */
public record Jid(String local, String domain, String resource) {

	private static final String LOCAL_FORBIDDEN = "\"&'/:<>@";

	public Jid {
		if (domain == null || domain.isEmpty()) {
			throw new IllegalArgumentException("a JID needs a domain");
		}
	}

	public static Jid parse(String text) {
		if (text == null || text.isEmpty()) {
			throw new IllegalArgumentException("empty JID");
		}
		int slash = text.indexOf('/');
		String bare = (slash < 0) ? text : text.substring(0, slash);
		String resource = (slash < 0) ? null : text.substring(slash + 1);
		int at = bare.indexOf('@');
		return of((at < 0) ? null : bare.substring(0, at), (at < 0) ? bare : bare.substring(at + 1), resource);
	}

	public static Jid of(String local, String domain, String resource) {
		return new Jid(local(local), domain(domain), resource(resource));
	}

	private static String local(String local) {
		if (local == null) {
			return null;
		}
		String folded = local.toLowerCase(Locale.ROOT);
		if (folded.isEmpty() || folded.length() > 1023) {
			throw new IllegalArgumentException("the local part must have 1 to 1023 characters");
		}
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (LOCAL_FORBIDDEN.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isISOControl(c)) {
				throw new IllegalArgumentException("the local part may not contain '" + c + "'");
			}
		}
		return folded;
	}

	private static String domain(String domain) {
		if (domain == null) {
			throw new IllegalArgumentException("a JID needs a domain");
		}
		String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
		if (d.isEmpty() || d.length() > 1023) {
			throw new IllegalArgumentException("the domain must have 1 to 1023 characters");
		}
		if (d.startsWith("[")) {
			return d.toLowerCase(Locale.ROOT);
		}
		try {
			return IDN.toUnicode(IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + domain + "' is not a valid domain: " + ex.getMessage());
		}
	}

	private static String resource(String resource) {
		if (resource == null) {
			return null;
		}
		if (resource.isEmpty() || resource.length() > 1023) {
			throw new IllegalArgumentException("the resource must have 1 to 1023 characters");
		}
		for (int i = 0; i < resource.length(); i++) {
			if (Character.isISOControl(resource.charAt(i))) {
				throw new IllegalArgumentException("the resource may not contain control characters");
			}
		}
		return resource;
	}

	public boolean isBare() {
		return this.resource == null;
	}

	public Jid bare() {
		return isBare() ? this : new Jid(this.local, this.domain, null);
	}

	public Jid withResource(String resource) {
		return new Jid(this.local, this.domain, resource(resource));
	}

	@Override
	public String toString() {
		StringBuilder sb = new StringBuilder();
		if (this.local != null) {
			sb.append(this.local).append('@');
		}
		sb.append(this.domain);
		if (this.resource != null) {
			sb.append('/').append(this.resource);
		}
		return sb.toString();
	}

}
