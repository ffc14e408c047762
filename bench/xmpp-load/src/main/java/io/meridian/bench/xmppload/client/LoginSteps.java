package io.meridian.bench.xmppload.client;

/**
 * What a connection does between bind and "online".
 *
 * @param rosterGet fetch the roster before presence, as a desktop client does
 * @param initialPresence send initial presence
 * @param register create the account in band (XEP-0077) after TLS instead of logging in; the
 * connection is "online" once the server answered, and an existing account counts as success
 */
public record LoginSteps(boolean rosterGet, boolean initialPresence, boolean register) {

	public static final LoginSteps PRESENCE = new LoginSteps(false, true, false);

	public static final LoginSteps SILENT = new LoginSteps(false, false, false);

	public static final LoginSteps ROSTER_ONLY = new LoginSteps(true, false, false);

	public static final LoginSteps REGISTER = new LoginSteps(false, false, true);

}
