package io.meridian.gateway.modules.roster;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.Xml;

import static io.meridian.gateway.modules.roster.SubscriptionStateTest.state;
import static org.assertj.core.api.Assertions.assertThat;

/** Both sides of one subscription stanza between local accounts: what each roster holds and who hears what. */
class SubscriptionExchangeTest {

	private static final Jid ROMEO = Jid.parse("romeo@montague.example");

	private static final Jid JULIET = Jid.parse("juliet@capulet.example");

	@Test
	void aRequestPutsTheContactOnTheRosterAndWaitsWithTheContactOffTheirs() {
		Element subscribe = presence("subscribe", ROMEO, JULIET).withChild(Element.builder("status", "jabber:client").text("hi").build());
		SubscriptionExchange exchange = SubscriptionExchange.send(subscribe, RosterItem.absent(JULIET), RosterItem.absent(ROMEO), true);

		assertThat(exchange.user().listed()).isTrue();
		assertThat(exchange.user().state()).isEqualTo(state("None + Pending Out"));
		assertThat(exchange.user().toElement().toXml()).isEqualTo(
				"<item xmlns='jabber:iq:roster' jid='juliet@capulet.example' subscription='none' ask='subscribe'/>");
		// RFC 6121 3.1.3: the request is kept, the requester is not added to the contact's roster.
		assertThat(exchange.contact().listed()).isFalse();
		assertThat(exchange.contact().state()).isEqualTo(state("None + Pending In"));
		assertThat(exchange.contact().isEmpty()).isFalse();
		assertThat(Xml.parse(exchange.contact().request())).isEqualTo(subscribe);
		assertThat(exchange.toContact()).containsExactly(subscribe);
		assertThat(exchange.toUser()).isEmpty();
	}

	@Test
	void aRepeatedRequestIsNotDeliveredAgain() {
		RosterItem asked = RosterItem.absent(JULIET).withState(state("None + Pending Out")).onRoster();
		RosterItem waiting = RosterItem.absent(ROMEO).withState(state("None + Pending In")).withRequest("<presence/>");
		SubscriptionExchange exchange = SubscriptionExchange.send(presence("subscribe", ROMEO, JULIET), asked, waiting, true);
		assertThat(exchange.user()).isEqualTo(asked);
		assertThat(exchange.contact()).isEqualTo(waiting);
		assertThat(exchange.toContact()).isEmpty();
	}

	@Test
	void approvingGivesBothSidesTheirHalfAndListsTheRequester() {
		RosterItem waiting = RosterItem.absent(ROMEO).withState(state("None + Pending In")).withRequest("<presence/>");
		RosterItem asked = RosterItem.absent(JULIET).withState(state("None + Pending Out")).onRoster();
		SubscriptionExchange exchange = SubscriptionExchange.send(presence("subscribed", JULIET, ROMEO), waiting, asked, true);

		assertThat(exchange.user().listed()).as("3.1.4: the approved requester joins the roster").isTrue();
		assertThat(exchange.user().state()).isEqualTo(state("From"));
		assertThat(exchange.user().request()).isNull();
		assertThat(exchange.contact().state()).isEqualTo(state("To"));
		assertThat(exchange.toContact()).extracting(e -> e.attribute("type")).containsExactly("subscribed");
	}

	@Test
	void aPreApprovedRequestIsAnsweredByTheServerAndNeverShownToTheContact() {
		RosterItem preApproved = RosterItem.absent(ROMEO).withState(state("None + Pre-approved")).onRoster();
		SubscriptionExchange exchange = SubscriptionExchange.send(presence("subscribe", ROMEO, JULIET), RosterItem.absent(JULIET), preApproved,
				true);

		assertThat(exchange.contact().state()).isEqualTo(state("From"));
		assertThat(exchange.contact().toElement().attribute("approved")).isNull();
		assertThat(exchange.toContact()).isEmpty();
		assertThat(exchange.user().state()).isEqualTo(state("To"));
		assertThat(exchange.toUser()).singleElement().satisfies(answer -> {
			assertThat(answer.attribute("type")).isEqualTo("subscribed");
			assertThat(answer.attribute("from")).isEqualTo(JULIET.toString());
			assertThat(answer.attribute("to")).isEqualTo(ROMEO.toString());
		});
	}

	@Test
	void preApprovingListsTheContactWithApprovedAndSendsNothing() {
		SubscriptionExchange exchange = SubscriptionExchange.send(presence("subscribed", JULIET, ROMEO), RosterItem.absent(ROMEO),
				RosterItem.absent(JULIET), true);
		assertThat(exchange.user().toElement().toXml()).isEqualTo(
				"<item xmlns='jabber:iq:roster' jid='romeo@montague.example' subscription='none' approved='true'/>");
		assertThat(exchange.contact()).isEqualTo(RosterItem.absent(JULIET));
		assertThat(exchange.toContact()).isEmpty();
	}

	@Test
	void aRequestToNoSuchAccountIsRefusedForIt() {
		SubscriptionExchange exchange = SubscriptionExchange.send(presence("subscribe", ROMEO, JULIET), RosterItem.absent(JULIET),
				RosterItem.absent(ROMEO), false);
		assertThat(exchange.user().listed()).isTrue();
		assertThat(exchange.user().state()).isEqualTo(state("None"));
		assertThat(exchange.toUser()).extracting(e -> e.attribute("type")).containsExactly("unsubscribed");
		assertThat(exchange.toContact()).isEmpty();
	}

	@Test
	void refusingARequestFromSomeoneNotOnTheRosterLeavesNoRow() {
		RosterItem waiting = RosterItem.absent(ROMEO).withState(state("None + Pending In")).withRequest("<presence/>");
		RosterItem asked = RosterItem.absent(JULIET).withState(state("None + Pending Out")).onRoster();
		SubscriptionExchange exchange = SubscriptionExchange.send(presence("unsubscribed", JULIET, ROMEO), waiting, asked, true);
		assertThat(exchange.user().isEmpty()).isTrue();
		assertThat(exchange.user().looksLike(waiting)).as("nothing the user would see").isTrue();
		assertThat(exchange.contact().state()).isEqualTo(state("None"));
		assertThat(exchange.contact().listed()).as("the requester keeps the item, without ask").isTrue();
		assertThat(exchange.toContact()).extracting(e -> e.attribute("type")).containsExactly("unsubscribed");
	}

	@Test
	void unsubscribeEndsTheUsersHalfOnly() {
		RosterItem mine = RosterItem.absent(JULIET).withState(state("Both")).onRoster();
		RosterItem theirs = RosterItem.absent(ROMEO).withState(state("Both")).onRoster();
		SubscriptionExchange exchange = SubscriptionExchange.send(presence("unsubscribe", ROMEO, JULIET), mine, theirs, true);
		assertThat(exchange.user().state()).isEqualTo(state("From"));
		assertThat(exchange.contact().state()).isEqualTo(state("To"));
		assertThat(exchange.toContact()).extracting(e -> e.attribute("type")).containsExactly("unsubscribe");
	}

	@Test
	void removingAMutualContactEndsBothSubscriptionsAndTellsTheContactTwice() {
		RosterItem mine = new RosterItem(JULIET, "Juliet", List.of("Friends"), state("Both"), true, null);
		RosterItem theirs = RosterItem.absent(ROMEO).withState(state("Both")).onRoster();
		SubscriptionExchange exchange = SubscriptionExchange.remove(mine, theirs, true);
		assertThat(exchange.user().isEmpty()).isTrue();
		assertThat(exchange.user().toElement().toXml()).isEqualTo(
				"<item xmlns='jabber:iq:roster' jid='juliet@capulet.example' subscription='remove'/>");
		assertThat(exchange.contact().state()).isEqualTo(state("None"));
		assertThat(exchange.contact().listed()).as("the contact keeps the item").isTrue();
		assertThat(exchange.toContact()).extracting(e -> e.attribute("type") + " " + e.attribute("from") + " " + e.attribute("to"))
			.containsExactly("unsubscribe romeo@montague.example juliet@capulet.example",
					"unsubscribed romeo@montague.example juliet@capulet.example");
	}

	@Test
	void removingAContactThatAskedRefusesTheRequest() {
		RosterItem mine = RosterItem.absent(JULIET).withState(state("None + Pending In")).onRoster().withRequest("<presence/>");
		RosterItem theirs = RosterItem.absent(ROMEO).withState(state("None + Pending Out")).onRoster();
		SubscriptionExchange exchange = SubscriptionExchange.remove(mine, theirs, true);
		assertThat(exchange.contact().state()).isEqualTo(state("None"));
		assertThat(exchange.toContact()).extracting(e -> e.attribute("type")).containsExactly("unsubscribed");
	}

	@Test
	void settlingBothFromNothingListsEachOnTheOthersRosterAndSendsNoStanza() {
		SubscriptionExchange exchange = SubscriptionExchange.settle(RosterItem.absent(JULIET), RosterItem.absent(ROMEO), Subscription.BOTH);
		assertThat(exchange.user().listed()).isTrue();
		assertThat(exchange.user().state()).isEqualTo(state("Both"));
		assertThat(exchange.contact().listed()).isTrue();
		assertThat(exchange.contact().state()).isEqualTo(state("Both"));
		assertThat(exchange.contact().request()).isNull();
		assertThat(exchange.toContact()).isEmpty();
		assertThat(exchange.toUser()).isEmpty();
	}

	@Test
	void settlingOneWayGivesTheMirrorImageAndEndsWhatWasPending() {
		// Juliet asked for Romeo's presence and Romeo pre-approved nothing; Romeo asked for hers.
		RosterItem mine = RosterItem.absent(JULIET).withState(state("None + Pending Out/In")).onRoster().withRequest("<presence/>");
		RosterItem theirs = RosterItem.absent(ROMEO).withState(state("None + Pending Out/In")).onRoster().withRequest("<presence/>");
		SubscriptionExchange to = SubscriptionExchange.settle(mine, theirs, Subscription.TO);
		assertThat(to.user().state()).isEqualTo(state("To"));
		assertThat(to.contact().state()).isEqualTo(state("From"));
		SubscriptionExchange from = SubscriptionExchange.settle(mine, theirs, Subscription.FROM);
		assertThat(from.user().state()).isEqualTo(state("From"));
		assertThat(from.contact().state()).isEqualTo(state("To"));
	}

	@Test
	void settlingNoneEndsBothSubscriptionsAndPreApprovalsButKeepsTheItemsAndTheirNames() {
		RosterItem mine = new RosterItem(JULIET, "Juliet", List.of("Friends"), state("To + Pre-approved"), true, null);
		RosterItem theirs = RosterItem.absent(ROMEO).withState(state("From")).onRoster();
		SubscriptionExchange exchange = SubscriptionExchange.settle(mine, theirs, Subscription.NONE);
		assertThat(exchange.user()).isEqualTo(new RosterItem(JULIET, "Juliet", List.of("Friends"), state("None"), true, null));
		assertThat(exchange.contact().state()).isEqualTo(state("None"));
		assertThat(exchange.contact().listed()).isTrue();
	}

	@Test
	void settlingNoneWithAContactWhoNeverHadTheUserLeavesTheirRosterAlone() {
		SubscriptionExchange exchange = SubscriptionExchange.settle(RosterItem.absent(JULIET), RosterItem.absent(ROMEO), Subscription.NONE);
		assertThat(exchange.user().listed()).isTrue();
		assertThat(exchange.user().state()).isEqualTo(state("None"));
		assertThat(exchange.contact().isEmpty()).isTrue();
	}

	@Test
	void settlingTheStateThereIsChangesNothing() {
		RosterItem mine = RosterItem.absent(JULIET).withState(state("Both")).onRoster();
		RosterItem theirs = RosterItem.absent(ROMEO).withState(state("Both")).onRoster();
		SubscriptionExchange exchange = SubscriptionExchange.settle(mine, theirs, Subscription.BOTH);
		assertThat(exchange.user()).isEqualTo(mine);
		assertThat(exchange.contact()).isEqualTo(theirs);
	}

	private static Element presence(String type, Jid from, Jid to) {
		return Element.builder("presence", "jabber:client")
			.attribute("from", from.toString())
			.attribute("to", to.toString())
			.attribute("type", type)
			.build();
	}

}
