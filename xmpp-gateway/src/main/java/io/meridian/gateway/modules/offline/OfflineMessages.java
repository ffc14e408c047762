package io.meridian.gateway.modules.offline;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.meridian.gateway.routing.OfflineStorage;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.Xml;

/**
 * Offline messages (XEP-0160, RFC 6121 8.5.2.2.1): a message nobody can take now is kept with a
 * delay stamp (XEP-0203) and handed back, in order and once, when the account next sends
 * non-negative initial presence. Per served domain it can be switched off; then the sender gets
 * {@code service-unavailable} as before.
 */
public class OfflineMessages implements OfflineStorage {

	/** The service discovery feature of offline storage (XEP-0160 section 5). */
	public static final String FEATURE = "msgoffline";

	public static final String DELAY = "urn:xmpp:delay";

	private static final Logger log = LoggerFactory.getLogger(OfflineMessages.class);

	private final OfflineStore store;

	private final int maxPerUser;

	private final Set<String> disabledDomains;

	public OfflineMessages(OfflineStore store, int maxPerUser, Collection<String> disabledDomains) {
		this.store = store;
		this.maxPerUser = maxPerUser;
		this.disabledDomains = disabledDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	public boolean storesOn(String domain) {
		return !this.disabledDomains.contains(domain);
	}

	@Override
	public boolean store(Jid account, Element message) {
		if (!storesOn(account.domain())) {
			return false;
		}
		String stanza = stamped(message, account.domain(), Instant.now()).toXml();
		if (!Xml.readsBack(stanza)) {
			log.warn("Message from {} to {} cannot be kept offline: its XML does not read back (undeclared prefix?)",
					message.attribute("from"), account);
			return false;
		}
		OfflineStore.Added added = this.store.add(account, stanza, this.maxPerUser);
		if (added == OfflineStore.Added.FULL) {
			log.info("Offline queue of {} is full ({} messages); the message from {} was refused with service-unavailable", account,
					this.maxPerUser, message.attribute("from"));
		}
		return added == OfflineStore.Added.STORED;
	}

	@Override
	public List<Element> take(Jid account) {
		List<Element> messages = new ArrayList<>();
		for (String stanza : this.store.take(account)) {
			// Stored stanzas were read back once before they were kept; failing here means the row was altered.
			try {
				messages.add(Xml.parse(stanza));
			}
			catch (IllegalArgumentException ex) {
				log.warn("Offline message for {} is unreadable and was dropped: {}", account, ex.getMessage());
			}
		}
		if (!messages.isEmpty()) {
			log.info("Delivered {} offline messages to {}", messages.size(), account);
		}
		return messages;
	}

	@Override
	public long count(Jid account) {
		return this.store.count(account);
	}

	/**
	 * The message with the XEP-0203 delay a client shows as its time of sending: {@code from} the
	 * server (the account's domain), stamped in UTC (XEP-0082 DateTime) to the millisecond.
	 */
	static Element stamped(Element message, String domain, Instant when) {
		return message.withChild(Element.builder("delay", DELAY)
			.attribute("from", domain)
			.attribute("stamp", DateTimeFormatter.ISO_INSTANT.format(when.truncatedTo(ChronoUnit.MILLIS)))
			.text("Offline storage")
			.build());
	}

}
