package io.meridian.domains.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.meridian.domains.api.DomainError;
import io.meridian.domains.api.DomainRefusedException;
import io.meridian.domains.store.Change;
import io.meridian.domains.store.DomainEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainRulesTest {

	private final MemoryDomainStore store = new MemoryDomainStore();

	private final List<Long> nudged = new ArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DomainRules rules = new DomainRules(this.store, this.nudged::add, List.of("type1", "type2"),
			Map.of("static.example", "type-static"), this.meters);

	@Test
	void addCreatesAnEnabledDomainWritesAnEventAndNudges() {
		Change change = this.rules.add("chat.example", "type1");
		assertThat(change.changed()).isTrue();
		assertThat(change.domain()).isEqualTo(DomainEntry.stored(1, "chat.example", "type1", true));
		assertThat(this.store.events).singleElement().satisfies(e -> assertThat(e.domain()).isEqualTo("chat.example"));
		assertThat(this.nudged).containsExactly(change.eventId());
		assertThat(changes("add")).isEqualTo(1);
	}

	@Test
	void addIsIdempotentForTheSameHostTypeAndKeepsTheEnabledState() {
		this.rules.add("chat.example", "type1");
		this.rules.disable("chat.example");
		Change again = this.rules.add("Chat.Example.", "type1");
		assertThat(again.changed()).isFalse();
		assertThat(again.eventId()).isZero();
		assertThat(again.domain().enabled()).isFalse();
		assertThat(this.store.events).hasSize(2);
		assertThat(this.nudged).hasSize(2);
	}

	@Test
	void addingADomainBoundToAnotherHostTypeIsAConflict() {
		this.rules.add("chat.example", "type1");
		assertThatThrownBy(() -> this.rules.add("chat.example", "type2")).isInstanceOfSatisfying(DomainRefusedException.class, ex -> {
			assertThat(ex.error()).isEqualTo(DomainError.HOST_TYPE_CONFLICT);
			assertThat(ex.domain()).isEqualTo("chat.example");
			assertThat(ex.metadata()).containsEntry("host_type", "type2").containsEntry("bound_host_type", "type1");
		});
		assertThat(this.store.domains.get("chat.example").hostType()).isEqualTo("type1");
		assertThat(this.store.events).hasSize(1);
		assertThat(conflicts("add", "host_type_conflict")).isEqualTo(1);
	}

	@Test
	void anUnknownHostTypeIsRefusedAndNothingIsStored() {
		assertThatThrownBy(() -> this.rules.add("chat.example", "type9")).isInstanceOfSatisfying(DomainRefusedException.class, ex -> {
			assertThat(ex.error()).isEqualTo(DomainError.UNKNOWN_HOST_TYPE);
			assertThat(ex.metadata()).containsEntry("host_type", "type9");
		});
		assertThat(this.store.domains).isEmpty();
		assertThat(this.nudged).isEmpty();
		assertThat(conflicts("add", "unknown_host_type")).isEqualTo(1);
	}

	@Test
	void anEmptyHostTypeIsAnInvalidRequest() {
		assertThatThrownBy(() -> this.rules.add("chat.example", "")).isInstanceOfSatisfying(DomainRefusedException.class,
				ex -> assertThat(ex.error()).isEqualTo(DomainError.INVALID_REQUEST));
	}

	@Test
	void staticDomainsAreLockedAgainstEveryChangeInAnyCase() {
		for (Runnable call : List.<Runnable>of(() -> this.rules.add("static.example", "type1"),
				() -> this.rules.add("STATIC.example", "type-static"), () -> this.rules.remove("static.example."),
				() -> this.rules.enable("static.example"), () -> this.rules.disable("Static.Example"))) {
			assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainRefusedException.class, ex -> {
				assertThat(ex.error()).isEqualTo(DomainError.STATIC_DOMAIN);
				assertThat(ex.domain()).isEqualTo("static.example");
				assertThat(ex.metadata()).containsEntry("host_type", "type-static");
			});
		}
		assertThat(this.store.domains).isEmpty();
		assertThat(this.store.events).isEmpty();
	}

	@Test
	void aStaticDomainIsReadAsConfigured() {
		assertThat(this.rules.get("Static.Example")).isEqualTo(DomainEntry.ofStatic("static.example", "type-static"));
	}

	@Test
	void invalidNamesAreRefusedWithTheReasonAndTheNameAsGiven() {
		assertThatThrownBy(() -> this.rules.add("bad_name.example", "type1")).isInstanceOfSatisfying(DomainRefusedException.class, ex -> {
			assertThat(ex.error()).isEqualTo(DomainError.INVALID_DOMAIN_NAME);
			assertThat(ex.domain()).isEqualTo("bad_name.example");
			assertThat(ex.getMessage()).contains("'bad_name.example' is not a valid domain");
		});
		assertThatThrownBy(() -> this.rules.remove("a..b")).isInstanceOfSatisfying(DomainRefusedException.class,
				ex -> assertThat(ex.error()).isEqualTo(DomainError.INVALID_DOMAIN_NAME));
		assertThatThrownBy(() -> this.rules.get("")).isInstanceOfSatisfying(DomainRefusedException.class,
				ex -> assertThat(ex.error()).isEqualTo(DomainError.INVALID_DOMAIN_NAME));
		assertThat(this.store.domains).isEmpty();
	}

	@Test
	void refusalsComeInTheDocumentedOrder() {
		this.rules.add("chat.example", "type1");
		assertThatThrownBy(() -> this.rules.add("bad_name", "type9")).isInstanceOfSatisfying(DomainRefusedException.class,
				ex -> assertThat(ex.error()).as("name first").isEqualTo(DomainError.INVALID_DOMAIN_NAME));
		assertThatThrownBy(() -> this.rules.add("static.example", "type9")).isInstanceOfSatisfying(DomainRefusedException.class,
				ex -> assertThat(ex.error()).as("static before host type").isEqualTo(DomainError.STATIC_DOMAIN));
		assertThatThrownBy(() -> this.rules.add("chat.example", "type9")).isInstanceOfSatisfying(DomainRefusedException.class,
				ex -> assertThat(ex.error()).as("host type before conflict").isEqualTo(DomainError.UNKNOWN_HOST_TYPE));
	}

	@Test
	void enableAndDisableAreIdempotentAndWriteAnEventOnlyWhenTheyChangeSomething() {
		this.rules.add("chat.example", "type1");
		assertThat(this.rules.enable("chat.example").changed()).as("enabled by default").isFalse();
		Change disabled = this.rules.disable("chat.example");
		assertThat(disabled.changed()).isTrue();
		assertThat(disabled.domain().enabled()).isFalse();
		assertThat(this.rules.disable("chat.example").changed()).isFalse();
		Change enabled = this.rules.enable("chat.example");
		assertThat(enabled.changed()).isTrue();
		assertThat(enabled.domain().enabled()).isTrue();
		assertThat(this.store.events).hasSize(3);
		assertThat(this.nudged).containsExactly(1L, 2L, 3L);
		assertThat(changes("disable")).isEqualTo(1);
		assertThat(changes("enable")).isEqualTo(1);
	}

	@Test
	void enablingOrDisablingAnUnknownDomainIsNotFound() {
		assertThatThrownBy(() -> this.rules.enable("nowhere.example")).isInstanceOfSatisfying(DomainRefusedException.class,
				ex -> assertThat(ex.error()).isEqualTo(DomainError.DOMAIN_NOT_FOUND));
		assertThatThrownBy(() -> this.rules.disable("nowhere.example")).isInstanceOfSatisfying(DomainRefusedException.class,
				ex -> assertThat(ex.error()).isEqualTo(DomainError.DOMAIN_NOT_FOUND));
		assertThatThrownBy(() -> this.rules.get("nowhere.example")).isInstanceOfSatisfying(DomainRefusedException.class,
				ex -> assertThat(ex.error()).isEqualTo(DomainError.DOMAIN_NOT_FOUND));
	}

	@Test
	void removeIsIdempotent() {
		this.rules.add("chat.example", "type1");
		Change removed = this.rules.remove("chat.example");
		assertThat(removed.changed()).isTrue();
		assertThat(removed.domain().domain()).isEqualTo("chat.example");
		Change again = this.rules.remove("chat.example");
		assertThat(again.changed()).isFalse();
		assertThat(again.domain()).isNull();
		assertThat(this.store.events).hasSize(2);
		assertThat(this.nudged).hasSize(2);
	}

	@Test
	void aRemovedDomainMayComeBackWithAnotherHostType() {
		this.rules.add("chat.example", "type1");
		this.rules.remove("chat.example");
		assertThat(this.rules.add("chat.example", "type2").domain().hostType()).isEqualTo("type2");
	}

	@Test
	void pageSizesDefaultAndAreCappedAndNegativeValuesAreRefused() {
		this.rules.list(null, false, 0, 0);
		assertThat(this.store.lastListLimit).isEqualTo(DomainRules.DEFAULT_PAGE_SIZE);
		this.rules.list("", false, 0, 5000);
		assertThat(this.store.lastListLimit).isEqualTo(DomainRules.MAX_PAGE_SIZE);
		assertThatThrownBy(() -> this.rules.list(null, false, -1, 10)).isInstanceOfSatisfying(DomainRefusedException.class,
				ex -> assertThat(ex.error()).isEqualTo(DomainError.INVALID_REQUEST));
		assertThatThrownBy(() -> this.rules.eventsAfter(0, -5)).isInstanceOfSatisfying(DomainRefusedException.class,
				ex -> assertThat(ex.error()).isEqualTo(DomainError.INVALID_REQUEST));
	}

	private double changes(String operation) {
		return this.meters.counter("meridian.domains.changes", "operation", operation).count();
	}

	private double conflicts(String operation, String reason) {
		return this.meters.counter("meridian.domains.conflicts", "operation", operation, "reason", reason).count();
	}

}
