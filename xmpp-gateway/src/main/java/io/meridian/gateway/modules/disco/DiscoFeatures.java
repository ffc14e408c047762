package io.meridian.gateway.modules.disco;

import java.util.Set;

import io.meridian.gateway.stanza.Jid;

/**
 * What a module shows in disco#info (XEP-0030) besides the namespace of its IQ handler: protocol
 * features that are not IQ namespaces, or features that depend on the domain. An
 * {@code IqHandler} that implements this lists exactly these features instead of its namespace.
 */
public interface DiscoFeatures {

	/** The features the server offers on {@code domain}. */
	Set<String> serverFeatures(String domain);

	/** The features the server offers on behalf of an account; none by default. */
	default Set<String> accountFeatures(Jid account) {
		return Set.of();
	}

}
