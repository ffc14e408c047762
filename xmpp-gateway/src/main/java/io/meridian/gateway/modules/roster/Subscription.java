package io.meridian.gateway.modules.roster;

import java.util.Locale;

/** The subscription attribute of a roster item (RFC 6121 2.1.2.5): whose presence flows where. */
public enum Subscription {

	/** Neither receives the other's presence. */
	NONE(false, false),

	/** The user receives the contact's presence. */
	TO(true, false),

	/** The contact receives the user's presence. */
	FROM(false, true),

	/** Both ways. */
	BOTH(true, true);

	private final boolean to;

	private final boolean from;

	Subscription(boolean to, boolean from) {
		this.to = to;
		this.from = from;
	}

	public static Subscription of(boolean to, boolean from) {
		return to ? (from ? BOTH : TO) : (from ? FROM : NONE);
	}

	/** @param value the attribute or column value ({@code none}, {@code to}, {@code from}, {@code both}) */
	public static Subscription parse(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/** Whether the user receives the contact's presence. */
	public boolean to() {
		return this.to;
	}

	/** Whether the contact receives the user's presence. */
	public boolean from() {
		return this.from;
	}

	public Subscription withTo(boolean to) {
		return of(to, this.from);
	}

	public Subscription withFrom(boolean from) {
		return of(this.to, from);
	}

	/** The attribute and column value. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
