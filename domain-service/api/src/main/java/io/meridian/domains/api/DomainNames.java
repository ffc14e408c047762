package io.meridian.domains.api;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The rules for an XMPP domain name (RFC 7622 domainpart, through IDNA with the STD3 ASCII
 * rules), shared by domain-service and the nodes that look domains up, so that both agree on
 * what one name is. The canonical form drops one trailing dot, is lower case
 * ({@link Locale#ROOT}) and keeps international labels as U-labels, as the gateway's JIDs do;
 * the DNS limits (63 octets a label, 253 in all) apply to its ASCII form.
 */
public final class DomainNames {

	/** Longest name in octets, in its ASCII form without a trailing dot (RFC 1035 §2.3.4 less the root). */
	public static final int MAX_LENGTH = 253;

	/** Longest label in octets, in its ASCII form. */
	public static final int MAX_LABEL_LENGTH = 63;

	/** Refused before IDNA sees it, so that a huge input costs nothing (RFC 7622's own limit). */
	private static final int MAX_INPUT_LENGTH = 1023;

	/** The full stops IDNA reads as label separators (RFC 3490 §3.1). */
	private static final String LABEL_SEPARATORS = ".\u3002\uFF0E\uFF61";

	private DomainNames() {
	}

	/**
	 * The canonical form of a domain name.
	 * @param name a domain as a user or a peer gave it
	 * @return the name as stored and compared
	 * @throws InvalidDomainNameException with the reason, when the name breaks a rule
	 */
	public static String canonical(String name) {
		if (name == null || name.isEmpty()) {
			throw new InvalidDomainNameException(name, "the domain is empty");
		}
		if (name.length() > MAX_INPUT_LENGTH) {
			throw new InvalidDomainNameException(name, "the domain is longer than " + MAX_LENGTH + " octets");
		}
		// RFC 7622 §3.2: a final dot is stripped before the domain is used or compared.
		String withoutDot = (LABEL_SEPARATORS.indexOf(name.charAt(name.length() - 1)) >= 0)
				? name.substring(0, name.length() - 1) : name;
		if (withoutDot.isEmpty()) {
			throw new InvalidDomainNameException(name, "the domain is empty");
		}
		if (withoutDot.startsWith(".") || withoutDot.endsWith(".") || withoutDot.contains("..")) {
			throw new InvalidDomainNameException(name, "the domain has an empty label");
		}
		String ascii;
		try {
			ascii = IDN.toASCII(withoutDot, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDomainNameException(name, "the domain is not a valid internationalized domain name ("
					+ ex.getMessage() + ")");
		}
		int octets = ascii.getBytes(StandardCharsets.US_ASCII).length;
		if (octets > MAX_LENGTH) {
			throw new InvalidDomainNameException(name, "the domain is " + octets + " octets long, more than " + MAX_LENGTH);
		}
		for (String label : ascii.split("\\.", -1)) {
			if (label.isEmpty()) {
				throw new InvalidDomainNameException(name, "the domain has an empty label");
			}
			if (label.length() > MAX_LABEL_LENGTH) {
				throw new InvalidDomainNameException(name, "the label '" + label + "' is longer than " + MAX_LABEL_LENGTH + " octets");
			}
		}
		String unicode;
		try {
			unicode = IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDomainNameException(name, "the domain is not a valid internationalized domain name ("
					+ ex.getMessage() + ")");
		}
		// toUnicode leaves a malformed A-label ("xn--" with bad punycode) as it is: refuse it.
		for (String label : unicode.split("\\.")) {
			if (label.startsWith("xn--")) {
				throw new InvalidDomainNameException(name, "the label '" + label + "' is not a valid A-label");
			}
		}
		return unicode;
	}

	/** Whether {@link #canonical(String)} accepts the name. */
	public static boolean isValid(String name) {
		try {
			canonical(name);
			return true;
		}
		catch (InvalidDomainNameException ex) {
			return false;
		}
	}

}
