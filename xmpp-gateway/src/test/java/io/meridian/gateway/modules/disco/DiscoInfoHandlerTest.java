package io.meridian.gateway.modules.disco;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import io.meridian.gateway.modules.ping.PingHandler;
import io.meridian.gateway.routing.IqHandler;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.Stanzas;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoInfoHandlerTest {

	private static final Jid ALICE = Jid.parse("alice@example.com/phone");

	/** A module whose feature depends on the domain, as registration does. */
	private static final class OnlyOn implements IqHandler, DiscoFeatures {

		@Override
		public String namespace() {
			return "urn:example:only";
		}

		@Override
		public Element handle(Element iq, Jid from) {
			return Stanzas.result(iq);
		}

		@Override
		public Set<String> serverFeatures(String domain) {
			return domain.equals("example.com") ? Set.of(namespace()) : Set.of();
		}

		@Override
		public Set<String> accountFeatures(Jid account) {
			return Set.of("urn:example:account");
		}

	}

	private final List<IqHandler> handlers = new ArrayList<>();

	private final List<DiscoFeatures> contributors = new ArrayList<>();

	private final DiscoInfoHandler disco = new DiscoInfoHandler("Chat", () -> this.handlers, () -> this.contributors,
			(user, account) -> user.equals(ALICE.bare()) && account.equals(Jid.parse("bob@example.com")));

	DiscoInfoHandlerTest() {
		OnlyOn only = new OnlyOn();
		this.handlers.addAll(List.of(this.disco, new DiscoItemsHandler(), new PingHandler(), only));
		DiscoFeatures delay = domain -> Set.of("urn:xmpp:delay");
		this.contributors.addAll(List.of(only, delay));
	}

	@Test
	void theServerIsServerImWithEveryHandlersNamespaceAndTheContributedFeatures() {
		Element query = this.disco.handle(request("example.com", null), ALICE).child("query", DiscoInfoHandler.NAMESPACE);
		assertThat(identity(query)).isEqualTo("server/im/Chat");
		assertThat(features(query)).containsExactly("http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items",
				"urn:example:only", "urn:xmpp:delay", "urn:xmpp:ping");
	}

	@Test
	void aHandlerThatListsItsOwnFeaturesIsNotListedByItsNamespace() {
		Element query = this.disco.handle(request("other.example", null), ALICE).child("query", DiscoInfoHandler.NAMESPACE);
		assertThat(features(query)).doesNotContain("urn:example:only").contains("urn:xmpp:ping");
	}

	@Test
	void aHandlerAddedLaterShowsUp() {
		this.handlers.add(new IqHandler() {
			@Override
			public String namespace() {
				return "vcard-temp";
			}

			@Override
			public Element handle(Element iq, Jid from) {
				return Stanzas.result(iq);
			}
		});
		assertThat(features(this.disco.handle(request("example.com", null), ALICE).child("query", DiscoInfoHandler.NAMESPACE)))
			.contains("vcard-temp");
	}

	@Test
	void theOwnAccountAndNoToAreAccountRegistered() {
		for (String to : new String[] { "alice@example.com", null }) {
			Element query = this.disco.handle(request(to, null), ALICE).child("query", DiscoInfoHandler.NAMESPACE);
			assertThat(identity(query)).isEqualTo("account/registered/null");
			assertThat(features(query)).containsExactly("http://jabber.org/protocol/disco#info",
					"http://jabber.org/protocol/disco#items", "urn:example:account");
		}
	}

	@Test
	void anotherAccountIsAnsweredOnlyToThoseAllowedToSeeIt() {
		LocalSession alice = Mockito.mock(LocalSession.class);
		Mockito.when(alice.jid()).thenReturn(ALICE);
		Element reply = this.disco.handleForAccount(request("bob@example.com", null), alice, Jid.parse("bob@example.com"));
		assertThat(identity(reply.child("query", DiscoInfoHandler.NAMESPACE))).isEqualTo("account/registered/null");
		assertThat(condition(this.disco.handleForAccount(request("carol@example.com", null), alice, Jid.parse("carol@example.com"))))
			.isEqualTo("service-unavailable");
	}

	@Test
	void aNodeIsItemNotFoundAndASetIsBadRequest() {
		assertThat(condition(this.disco.handle(request("example.com", "commands"), ALICE))).isEqualTo("item-not-found");
		Element set = request("example.com", null).withAttribute("type", "set");
		assertThat(condition(this.disco.handle(set, ALICE))).isEqualTo("bad-request");
	}

	@Test
	void itemsAreEmptyAndNoNodeHasAny() {
		Element reply = new DiscoItemsHandler().handle(items(null), ALICE);
		assertThat(reply.attribute("type")).isEqualTo("result");
		assertThat(reply.child("query", DiscoItemsHandler.NAMESPACE).elements()).isEmpty();
		assertThat(condition(new DiscoItemsHandler().handle(items("commands"), ALICE))).isEqualTo("item-not-found");
	}

	private static Element items(String node) {
		Element.Builder query = Element.builder("query", DiscoItemsHandler.NAMESPACE);
		if (node != null) {
			query.attribute("node", node);
		}
		return Element.builder("iq", "jabber:client").attribute("type", "get").attribute("id", "i").attribute("to", "example.com")
			.child(query.build()).build();
	}

	private static Element request(String to, String node) {
		Element.Builder query = Element.builder("query", DiscoInfoHandler.NAMESPACE);
		if (node != null) {
			query.attribute("node", node);
		}
		Element.Builder iq = Element.builder("iq", "jabber:client").attribute("type", "get").attribute("id", "d1")
				.attribute("from", ALICE.toString());
		if (to != null) {
			iq.attribute("to", to);
		}
		return iq.child(query.build()).build();
	}

	private static String identity(Element query) {
		Element identity = query.child("identity", DiscoInfoHandler.NAMESPACE);
		return identity.attribute("category") + "/" + identity.attribute("type") + "/" + identity.attribute("name");
	}

	private static List<String> features(Element query) {
		return query.elements().stream().filter(e -> e.name().equals("feature")).map(e -> e.attribute("var")).toList();
	}

	private static String condition(Element reply) {
		assertThat(reply.attribute("type")).isEqualTo("error");
		return reply.child("error", "jabber:client").elements().get(0).name();
	}

}
