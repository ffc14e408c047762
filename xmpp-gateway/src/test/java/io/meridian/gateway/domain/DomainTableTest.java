package io.meridian.gateway.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainTableTest {

	private final DomainTable table = new DomainTable(Map.of("localhost", "localhost", "static.test", "private"),
			List.of("tenants", "private"));

	private final List<String> events = new ArrayList<>();

	DomainTableTest() {
		this.table.addListener(new DomainTable.Listener() {
			@Override
			public void domainAdded(String domain, String hostType) {
				DomainTableTest.this.events.add("+" + domain + ":" + hostType);
			}

			@Override
			public void domainRemoved(String domain) {
				DomainTableTest.this.events.add("-" + domain);
			}
		});
	}

	@Test
	void startsWithTheStaticDomainsAndTheHostTypesGiven() {
		assertThat(this.table.isServed("localhost")).isTrue();
		assertThat(this.table.isServed("LocalHost")).isTrue();
		assertThat(this.table.hostType("static.test")).contains("private");
		assertThat(this.table.hostTypes()).containsExactlyInAnyOrder("localhost", "private", "tenants");
		assertThat(this.table.isLocked("localhost")).isTrue();
	}

	@Test
	void eitherListMayBeEmpty() {
		DomainTable onlyDynamic = new DomainTable(Map.of(), List.of("tenants"));
		onlyDynamic.insert("a.test", "tenants");
		assertThat(onlyDynamic.domains("tenants")).containsExactly("a.test");

		DomainTable onlyStatic = new DomainTable(Map.of("localhost", "localhost"), List.of());
		assertThat(onlyStatic.isServed("localhost")).isTrue();
		assertThatThrownBy(() -> onlyStatic.insert("a.test", "localhost")).isInstanceOf(DomainTableException.class)
			.extracting(e -> ((DomainTableException) e).reason())
			.isEqualTo(DomainTableException.Reason.UNKNOWN_HOST_TYPE);
	}

	@Test
	void insertIsIdempotentAndTellsListenersOnce() {
		this.table.insert("Tenant1.Example", "tenants");
		this.table.insert("tenant1.example", "tenants");
		assertThat(this.table.hostType("tenant1.example")).contains("tenants");
		assertThat(this.table.domains("tenants")).containsExactly("tenant1.example");
		assertThat(this.events).containsExactly("+tenant1.example:tenants");
	}

	@Test
	void aDomainBoundToAnotherHostTypeIsRefused() {
		this.table.insert("tenant1.example", "tenants");
		assertThatThrownBy(() -> this.table.insert("tenant1.example", "private")).isInstanceOf(DomainTableException.class)
			.hasMessageContaining("already served with host type 'tenants'")
			.extracting(e -> ((DomainTableException) e).reason())
			.isEqualTo(DomainTableException.Reason.OTHER_HOST_TYPE);
		assertThat(this.table.hostType("tenant1.example")).contains("tenants");
	}

	@Test
	void onlyAllowedHostTypesTakeDynamicDomains() {
		assertThatThrownBy(() -> this.table.insert("x.example", "localhost")).isInstanceOf(DomainTableException.class)
			.hasMessageContaining("does not allow dynamic domains");
		assertThatThrownBy(() -> this.table.insert("x.example", "nope")).isInstanceOf(DomainTableException.class);
		assertThat(this.table.isServed("x.example")).isFalse();
		assertThat(this.events).isEmpty();
	}

	@Test
	void staticDomainsCannotBeChangedOrRemovedAndWinOverDynamicOnes() {
		assertThatThrownBy(() -> this.table.insert("static.test", "private")).isInstanceOf(DomainTableException.class)
			.extracting(e -> ((DomainTableException) e).reason())
			.isEqualTo(DomainTableException.Reason.LOCKED);
		assertThatThrownBy(() -> this.table.insert("localhost", "tenants")).isInstanceOf(DomainTableException.class)
			.extracting(e -> ((DomainTableException) e).reason())
			.isEqualTo(DomainTableException.Reason.LOCKED);
		assertThatThrownBy(() -> this.table.remove("LOCALHOST")).isInstanceOf(DomainTableException.class)
			.hasMessageContaining("static domain");
		assertThat(this.table.hostType("localhost")).contains("localhost");
		assertThat(this.table.hostType("static.test")).contains("private");
		assertThat(this.events).isEmpty();
	}

	@Test
	void removeIsIdempotent() {
		this.table.insert("tenant1.example", "tenants");
		this.table.remove("tenant1.example");
		this.table.remove("tenant1.example");
		this.table.remove("never.example");
		assertThat(this.table.isServed("tenant1.example")).isFalse();
		assertThat(this.table.domains("tenants")).isEmpty();
		assertThat(this.events).containsExactly("+tenant1.example:tenants", "-tenant1.example");
	}

	@Test
	void domainNamesFollowTheDomainpartRules() {
		assertThat(this.table.isServed("münchen.example")).isFalse();
		this.table.insert("MÜNCHEN.example.", "tenants");
		assertThat(this.table.isServed("münchen.example")).isTrue();
		for (String bad : new String[] { "", "a b.example", "under_score.example", "-lead.example", "a..example",
				"x".repeat(64) + ".example", ("abcdefghi." .repeat(26)) + "example", "192.168.0.1", "[::1]", "user@host" }) {
			assertThatThrownBy(() -> this.table.insert(bad, "tenants")).as(bad)
				.isInstanceOf(DomainTableException.class)
				.extracting(e -> ((DomainTableException) e).reason())
				.isEqualTo(DomainTableException.Reason.INVALID_NAME);
		}
	}

}
