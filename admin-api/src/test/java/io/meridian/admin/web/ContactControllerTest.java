package io.meridian.admin.web;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The checks of a roster request that admin-api makes before calling the gateway. */
class ContactControllerTest {

	@Test
	void aNewContactNeedsAJidAndGroupsThatAreAllNames() {
		assertThat(ContactController.NewContact.checked(new ContactController.NewContact("bob@localhost", null, null)))
			.isEqualTo(new ContactController.NewContact("bob@localhost", null, List.of()));
		assertThat(ContactController.NewContact.checked(new ContactController.NewContact("bob@localhost", "Bob", List.of("Friends"))).groups())
			.containsExactly("Friends");
		assertRefused(() -> ContactController.NewContact.checked(null), "body");
		assertRefused(() -> ContactController.NewContact.checked(new ContactController.NewContact(null, "Bob", null)), "jid");
		assertRefused(() -> ContactController.NewContact.checked(new ContactController.NewContact("", "Bob", null)), "jid");
		assertRefused(() -> ContactController.NewContact.checked(new ContactController.NewContact("bob@localhost", null, Arrays.asList("A", null))),
				"groups");
	}

	@Test
	void aSubscriptionIsOneOfTheFourStates() {
		for (String subscription : List.of("none", "to", "from", "both")) {
			assertThat(ContactController.SubscriptionChange.checked(new ContactController.SubscriptionChange(subscription))).isEqualTo(subscription);
		}
		assertRefused(() -> ContactController.SubscriptionChange.checked(null), "body");
		assertRefused(() -> ContactController.SubscriptionChange.checked(new ContactController.SubscriptionChange(null)), "subscription");
		assertRefused(() -> ContactController.SubscriptionChange.checked(new ContactController.SubscriptionChange("subscribe")), "subscription");
		assertRefused(() -> ContactController.SubscriptionChange.checked(new ContactController.SubscriptionChange("BOTH")), "subscription");
	}

	private static void assertRefused(Runnable check, String field) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(check::run).satisfies(ex -> {
			assertThat(ex.status().value()).isEqualTo(400);
			assertThat(ex.error()).isEqualTo("INVALID_REQUEST");
			assertThat(ex.field()).isEqualTo(field);
		});
	}

}
