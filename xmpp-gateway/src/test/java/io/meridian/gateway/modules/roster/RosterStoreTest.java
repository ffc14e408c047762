package io.meridian.gateway.modules.roster;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.stanza.Element;
import io.meridian.gateway.stanza.Jid;
import io.meridian.gateway.stanza.Xml;

import static io.meridian.gateway.modules.roster.SubscriptionStateTest.state;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roster writes on the standalone profile's database (H2 in PostgreSQL mode): the same SQL
 * the integration tests run on PostgreSQL, with no client connected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "meridian.c2s.port=0", "meridian.c2s.direct-tls-port=0", "meridian.c2s.bind-address=127.0.0.1" })
class RosterStoreTest {

	private static final Path DATA = Path.of(".", "target", "roster-store-test");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		FileSystemUtils.deleteRecursively(DATA.toFile());
		registry.add("meridian.data-dir", DATA::toString);
	}

	@Autowired
	Accounts accounts;

	@Autowired
	RosterStore store;

	@Autowired
	RosterChanges changes;

	@Test
	void aSubscriptionChangesBothAccountsAndOnlyTheVisibleSideGetsANewVersion() {
		Jid alice = account();
		Jid bob = account();
		this.changes.update(alice, bob, "Bob", List.of("Work", "Friends"));
		this.changes.subscription(alice, presence("subscribe").withChild(Element.builder("status", "jabber:client").text("hi").build()), bob);

		RosterStore.Roster aliceRoster = this.store.read(alice);
		assertThat(aliceRoster.version()).isEqualTo(2);
		assertThat(aliceRoster.items()).singleElement().satisfies(item -> {
			assertThat(item.name()).isEqualTo("Bob");
			assertThat(item.groups()).containsExactly("Friends", "Work");
			assertThat(item.state()).isEqualTo(state("None + Pending Out"));
		});
		RosterStore.Roster bobRoster = this.store.read(bob);
		assertThat(bobRoster.version()).as("a request alone is nothing Bob's roster shows").isZero();
		assertThat(bobRoster.items()).singleElement().satisfies(item -> {
			assertThat(item.listed()).isFalse();
			assertThat(item.state()).isEqualTo(state("None + Pending In"));
			assertThat(Xml.parse(item.request()).child("status", "jabber:client").text()).isEqualTo("hi");
		});

		this.changes.subscription(bob, presence("subscribed"), alice);
		assertThat(this.store.read(alice).items().getFirst().state()).isEqualTo(state("To"));
		assertThat(this.store.read(bob).items().getFirst()).satisfies(item -> {
			assertThat(item.listed()).isTrue();
			assertThat(item.state()).isEqualTo(state("From"));
			assertThat(item.request()).isNull();
		});
		assertThat(this.store.read(bob).version()).isEqualTo(1);
	}

	@Test
	void removingAnItemTakesItsGroupsAndRemovingTheAccountTakesTheRoster() {
		Jid alice = account();
		Jid bob = account();
		this.changes.update(alice, bob, null, List.of("Friends"));
		this.changes.update(bob, alice, null, List.of());
		assertThat(this.changes.remove(alice, bob)).isTrue();
		assertThat(this.changes.remove(alice, bob)).as("already gone").isFalse();
		assertThat(this.store.read(alice).items()).isEmpty();

		this.accounts.remove(bob.local(), bob.domain());
		assertThat(this.store.read(bob).items()).isEmpty();
		assertThat(this.store.read(bob).version()).isZero();
	}

	private Jid account() {
		String name = "rs-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.register(name, "localhost", "pw");
		return Jid.of(name, "localhost", null);
	}

	private static Element presence(String type) {
		return Element.builder("presence", "jabber:client").attribute("type", type).build();
	}

}
