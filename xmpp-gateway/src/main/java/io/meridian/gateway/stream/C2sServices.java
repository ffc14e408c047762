package io.meridian.gateway.stream;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.SslContext;

import io.meridian.gateway.auth.AuthFailures;
import io.meridian.gateway.auth.SaslMechanisms;
import io.meridian.gateway.domain.HostedDomains;
import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.routing.Router;
import io.meridian.gateway.routing.SessionRegistry;
import io.meridian.gateway.stanza.Element;

/**
 * What a client stream needs from the node, shared by all connections of a listener.
 *
 * @param domains the served domains
 * @param sasl the SASL mechanisms
 * @param sessions the session registry
 * @param router routes stanzas of bound sessions
 * @param tls the server TLS context for STARTTLS, or null when the listener has none
 * @param startTls whether STARTTLS is offered and required
 * @param registration answers {@code jabber:iq:register} before authentication; null when registration is off everywhere
 * @param registrationOpen which domains offer in-band registration
 * @param sessionFeatures stream features offered next to resource binding (roster versioning, pre-approval)
 * @param preAuthRates how fast a stream may send before it authenticates
 * @param rates how fast an authenticated stream may send
 * @param authFailures authentication failures per client address
 * @param authWorkers runs authentication and registration off the event loops
 * @param stanzaWorkers runs the stanzas of bound sessions that wait on the database off the event loops
 * @param meters metrics
 */
public record C2sServices(HostedDomains domains, SaslMechanisms sasl, SessionRegistry sessions, Router router, SslContext tls,
		StartTlsPolicy startTls, IqHandler registration, Predicate<String> registrationOpen, List<Element> sessionFeatures,
		StreamRates preAuthRates, StreamRates rates, AuthFailures authFailures, Executor authWorkers,
		Executor stanzaWorkers, MeterRegistry meters) {
}
