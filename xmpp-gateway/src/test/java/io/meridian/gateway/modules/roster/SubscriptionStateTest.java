package io.meridian.gateway.modules.roster;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The tables of RFC 6121 Appendix A, row by row, in the RFC's own names for the states. */
class SubscriptionStateTest {

	@ParameterizedTest(name = "outbound {0}: {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# A.2.1 outbound subscribe
			subscribe    | None                  | None + Pending Out
			subscribe    | None + Pending Out    | None + Pending Out
			subscribe    | None + Pending In     | None + Pending Out/In
			subscribe    | None + Pending Out/In | None + Pending Out/In
			subscribe    | To                    | To
			subscribe    | To + Pending In       | To + Pending In
			subscribe    | From                  | From + Pending Out
			subscribe    | From + Pending Out    | From + Pending Out
			subscribe    | Both                  | Both
			# A.2.2 outbound unsubscribe
			unsubscribe  | None                  | None
			unsubscribe  | None + Pending Out    | None
			unsubscribe  | None + Pending In     | None + Pending In
			unsubscribe  | None + Pending Out/In | None + Pending In
			unsubscribe  | To                    | None
			unsubscribe  | To + Pending In       | None + Pending In
			unsubscribe  | From                  | From
			unsubscribe  | From + Pending Out    | From
			unsubscribe  | Both                  | From
			# A.2.3 outbound subscribed; where nothing is pending it is a pre-approval (3.4)
			subscribed   | None                  | None + Pre-approved
			subscribed   | None + Pending Out    | None + Pending Out + Pre-approved
			subscribed   | None + Pending In     | From
			subscribed   | None + Pending Out/In | From + Pending Out
			subscribed   | To                    | To + Pre-approved
			subscribed   | To + Pending In       | Both
			subscribed   | From                  | From
			subscribed   | From + Pending Out    | From + Pending Out
			subscribed   | Both                  | Both
			# A.2.4 outbound unsubscribed
			unsubscribed | None                  | None
			unsubscribed | None + Pending Out    | None + Pending Out
			unsubscribed | None + Pending In     | None
			unsubscribed | None + Pending Out/In | None + Pending Out
			unsubscribed | To                    | To
			unsubscribed | To + Pending In       | To
			unsubscribed | From                  | None
			unsubscribed | From + Pending Out    | None + Pending Out
			unsubscribed | Both                  | To
			""")
	void outbound(String type, String existing, String expected) {
		UnaryOperator<SubscriptionState> transition = switch (type) {
			case "subscribe" -> SubscriptionState::outboundSubscribe;
			case "unsubscribe" -> SubscriptionState::outboundUnsubscribe;
			case "subscribed" -> SubscriptionState::outboundSubscribed;
			case "unsubscribed" -> SubscriptionState::outboundUnsubscribed;
			default -> throw new IllegalArgumentException(type);
		};
		assertThat(transition.apply(state(existing))).isEqualTo(state(expected));
	}

	@ParameterizedTest(name = "inbound {0}: {1} -> {2}, delivered: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			# A.3.1 inbound subscribe; from From and Both the server answers 'subscribed' itself
			subscribe    | None                  | None + Pending In     | true
			subscribe    | None + Pending Out    | None + Pending Out/In | true
			subscribe    | None + Pending In     | None + Pending In     | false
			subscribe    | None + Pending Out/In | None + Pending Out/In | false
			subscribe    | To                    | To + Pending In       | true
			subscribe    | To + Pending In       | To + Pending In       | false
			subscribe    | From                  | From                  | false
			subscribe    | From + Pending Out    | From + Pending Out    | false
			subscribe    | Both                  | Both                  | false
			# A.3.2 inbound unsubscribe
			unsubscribe  | None                  | None                  | false
			unsubscribe  | None + Pending Out    | None + Pending Out    | false
			unsubscribe  | None + Pending In     | None                  | true
			unsubscribe  | None + Pending Out/In | None + Pending Out    | true
			unsubscribe  | To                    | To                    | false
			unsubscribe  | To + Pending In       | To                    | true
			unsubscribe  | From                  | None                  | true
			unsubscribe  | From + Pending Out    | None + Pending Out    | true
			unsubscribe  | Both                  | To                    | true
			# A.3.3 inbound subscribed
			subscribed   | None                  | None                  | false
			subscribed   | None + Pending Out    | To                    | true
			subscribed   | None + Pending In     | None + Pending In     | false
			subscribed   | None + Pending Out/In | To + Pending In       | true
			subscribed   | To                    | To                    | false
			subscribed   | To + Pending In       | To + Pending In       | false
			subscribed   | From                  | From                  | false
			subscribed   | From + Pending Out    | Both                  | true
			subscribed   | Both                  | Both                  | false
			# A.3.4 inbound unsubscribed
			unsubscribed | None                  | None                  | false
			unsubscribed | None + Pending Out    | None                  | true
			unsubscribed | None + Pending In     | None + Pending In     | false
			unsubscribed | None + Pending Out/In | None + Pending In     | true
			unsubscribed | To                    | None                  | true
			unsubscribed | To + Pending In       | None + Pending In     | true
			unsubscribed | From                  | From                  | false
			unsubscribed | From + Pending Out    | From                  | true
			unsubscribed | Both                  | From                  | true
			""")
	void inbound(String type, String existing, String expected, boolean delivered) {
		UnaryOperator<SubscriptionState> transition = switch (type) {
			case "subscribe" -> SubscriptionState::inboundSubscribe;
			case "unsubscribe" -> SubscriptionState::inboundUnsubscribe;
			case "subscribed" -> SubscriptionState::inboundSubscribed;
			case "unsubscribed" -> SubscriptionState::inboundUnsubscribed;
			default -> throw new IllegalArgumentException(type);
		};
		SubscriptionState before = state(existing);
		SubscriptionState after = transition.apply(before);
		assertThat(after).isEqualTo(state(expected));
		// The "deliver" column: a stanza reaches the user exactly where it changed the state.
		assertThat(!after.equals(before)).isEqualTo(delivered);
	}

	@ParameterizedTest(name = "pre-approved {0} + inbound subscribe -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			None + Pre-approved               | From
			None + Pending Out + Pre-approved | From + Pending Out
			To + Pre-approved                 | Both
			""")
	void aPreApprovalGrantsTheRequestWhenItComes(String existing, String expected) {
		SubscriptionState before = state(existing);
		assertThat(before.approvesRequests()).isTrue();
		assertThat(before.inboundSubscribe()).isEqualTo(state(expected));
	}

	@Test
	void unsubscribedWithdrawsAPreApproval() {
		assertThat(state("None + Pre-approved").outboundUnsubscribed()).isEqualTo(state("None"));
		assertThat(state("To + Pre-approved").outboundUnsubscribed()).isEqualTo(state("To"));
	}

	@Test
	void onlyTheServerAnswersForSubscribedOrPreApprovedUsers() {
		assertThat(state("From").approvesRequests()).isTrue();
		assertThat(state("Both").approvesRequests()).isTrue();
		assertThat(state("None + Pending In").approvesRequests()).isFalse();
		assertThat(state("To").approvesRequests()).isFalse();
	}

	@Test
	void statesOutsideTheTablesDoNotExist() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionState(Subscription.TO, true, false, false));
		assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionState(Subscription.FROM, false, true, false));
		assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionState(Subscription.BOTH, false, false, true));
		assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionState(Subscription.NONE, false, true, true));
	}

	/** Reads the RFC's names: "None + Pending Out/In", "From + Pending Out", plus "Pre-approved". */
	static SubscriptionState state(String name) {
		String[] parts = name.split(" \\+ ");
		Subscription subscription = Subscription.parse(parts[0]);
		boolean out = false;
		boolean in = false;
		boolean approved = false;
		for (int i = 1; i < parts.length; i++) {
			switch (parts[i]) {
				case "Pending Out" -> out = true;
				case "Pending In" -> in = true;
				case "Pending Out/In" -> {
					out = true;
					in = true;
				}
				case "Pre-approved" -> approved = true;
				default -> throw new IllegalArgumentException(name);
			}
		}
		return new SubscriptionState(subscription, out, in, approved);
	}

}
