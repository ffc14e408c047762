package io.meridian.gateway.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.StanzaError;

import static org.assertj.core.api.Assertions.assertThat;

/** What the router does with a message nobody can take now, and with IQs to another account's bare JID. */
class RouterTest {

	private final Session alice = new Session(Jid.parse("alice@example.com/laptop"));

	private final List<Element> kept = new ArrayList<>();

	private boolean storageTakes = true;

	private final Router router = new Router(new InMemorySessionRegistry(), domain -> domain.equals("example.com"), List.of(new Echo()),
			(sender, presence, target) -> List.of(), new OfflineStorage() {

				@Override
				public boolean store(Jid account, Element message) {
					if (RouterTest.this.storageTakes) {
						RouterTest.this.kept.add(message);
					}
					return RouterTest.this.storageTakes;
				}

				@Override
				public List<Element> take(Jid account) {
					return List.of();
				}

				@Override
				public long count(Jid account) {
					return 0;
				}

			});

	@Test
	void chatNormalAndUntypedMessagesAreKeptOfflineWithoutAnError() {
		for (String type : new String[] { "chat", "normal", null, "unknown" }) {
			this.router.route(this.alice, message(type, "bob@example.com/phone"));
		}
		assertThat(this.kept).hasSize(4);
		assertThat(this.alice.received).isEmpty();
	}

	@Test
	void headlinesAndErrorsAreDroppedAndGroupchatIsBounced() {
		this.router.route(this.alice, message("headline", "bob@example.com"));
		this.router.route(this.alice, message("error", "bob@example.com"));
		this.router.route(this.alice, message("groupchat", "bob@example.com"));

		assertThat(this.kept).isEmpty();
		assertThat(this.alice.received).singleElement().satisfies(error -> assertCondition(error, StanzaError.SERVICE_UNAVAILABLE));
	}

	@Test
	void aMessageTheStorageRefusesIsBouncedWithServiceUnavailable() {
		this.storageTakes = false;
		this.router.route(this.alice, message("chat", "bob@example.com"));

		assertThat(this.alice.received).singleElement().satisfies(error -> assertCondition(error, StanzaError.SERVICE_UNAVAILABLE));
	}

	@Test
	void anIqToAnotherAccountsBareJidIsAnsweredByItsHandlerForThatAccount() {
		this.router.route(this.alice, iq("get", "bob@example.com", "urn:example:echo"));
		this.router.route(this.alice, iq("get", "bob@example.com", "urn:example:unknown"));
		this.router.route(this.alice, iq("result", "bob@example.com", "urn:example:echo"));

		assertThat(this.alice.received).hasSize(2);
		assertThat(this.alice.received.getFirst().attribute("type")).isEqualTo("result");
		assertThat(this.alice.received.getFirst().attribute("from")).isEqualTo("bob@example.com");
		assertCondition(this.alice.received.get(1), StanzaError.SERVICE_UNAVAILABLE);
	}

	@Test
	void aHandlerOffersNothingOnBehalfOfAccountsUnlessItSaysSo() {
		IqHandler plain = new IqHandler() {

			@Override
			public String namespace() {
				return "urn:example:plain";
			}

			@Override
			public Element handle(Element iq, Jid from) {
				return iq;
			}

		};
		Element answer = plain.handleForAccount(iq("get", "bob@example.com", "urn:example:plain"), this.alice, Jid.parse("bob@example.com"));
		assertCondition(answer, StanzaError.SERVICE_UNAVAILABLE);
	}

	private static void assertCondition(Element error, StanzaError condition) {
		assertThat(error.attribute("type")).isEqualTo("error");
		assertThat(error.child("error", "jabber:client").child(condition.elementName(), StanzaError.NAMESPACE)).isNotNull();
	}

	private static Element message(String type, String to) {
		return Element.builder("message", "jabber:client")
			.attribute("from", "alice@example.com/laptop")
			.attribute("to", to)
			.attribute("type", type)
			.child(Element.builder("body", "jabber:client").text("hi").build())
			.build();
	}

	private static Element iq(String type, String to, String namespace) {
		return Element.builder("iq", "jabber:client")
			.attribute("from", "alice@example.com/laptop")
			.attribute("to", to)
			.attribute("type", type)
			.attribute("id", "q1")
			.child(Element.builder("query", namespace).build())
			.build();
	}

	/** Answers for any account with a result from that account. */
	private static final class Echo implements IqHandler {

		@Override
		public String namespace() {
			return "urn:example:echo";
		}

		@Override
		public Element handle(Element iq, Jid from) {
			return StanzaError.BAD_REQUEST.replyTo(iq, null);
		}

		@Override
		public Element handleForAccount(Element iq, LocalSession sender, Jid account) {
			return Element.builder("iq", "jabber:client").attribute("type", "result").attribute("from", account.toString()).build();
		}

	}

	/** A session that records what reaches it. */
	private static final class Session implements LocalSession {

		private final Jid jid;

		final List<Element> received = new ArrayList<>();

		Session(Jid jid) {
			this.jid = jid;
		}

		@Override
		public Jid jid() {
			return this.jid;
		}

		@Override
		public String address() {
			return "127.0.0.1:1";
		}

		@Override
		public Instant since() {
			return Instant.EPOCH;
		}

		@Override
		public boolean available() {
			return false;
		}

		@Override
		public int priority() {
			return 0;
		}

		@Override
		public Element presence() {
			return null;
		}

		@Override
		public void updatePresence(Element presence) {
		}

		@Override
		public boolean interested() {
			return false;
		}

		@Override
		public void markInterested() {
		}

		@Override
		public Set<Jid> directedPresence() {
			return new HashSet<>();
		}

		@Override
		public void deliver(Element stanza) {
			this.received.add(stanza);
		}

		@Override
		public void end(String condition, String text) {
		}

	}

}
