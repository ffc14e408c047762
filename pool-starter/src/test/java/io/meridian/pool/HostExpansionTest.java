package io.meridian.pool;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MongooseIM's expansion of {@code host} entries, and its following of domains at run time. */
class HostExpansionTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutgoingPoolsAutoConfiguration.class))
		.withPropertyValues("meridian.hosts=a.example,b.example,c.example");

	@Test
	void globalGivesOnePoolAndHostOnePerServedDomain() {
		Map<PoolKey, PoolDefinition> pools = HostExpansion.expand(
				List.of(definition(0, "global", "default"), definition(1, "host", "default")), List.of("a.example", "b.example"));
		assertThat(pools).containsOnlyKeys(key("global", "default"), key("a.example", "default"), key("b.example", "default"));
	}

	@Test
	void aDomainsOwnEntryWinsOverTheHostEntryWhateverTheOrder() {
		PoolDefinition perHost = definition(0, "host", "default");
		PoolDefinition own = definition(1, "b.example", "default");
		Map<PoolKey, PoolDefinition> pools = HostExpansion.expand(List.of(perHost, own), List.of("a.example", "b.example"));
		assertThat(pools.get(key("b.example", "default"))).isSameAs(own);
		assertThat(pools.get(key("a.example", "default"))).isSameAs(perHost);
	}

	@Test
	void tagsKeepPoolsOfOneHostApart() {
		Map<PoolKey, PoolDefinition> pools = HostExpansion.expand(
				List.of(definition(0, "host", "default"), definition(1, "b.example", "push")), List.of("a.example", "b.example"));
		assertThat(pools).containsOnlyKeys(key("a.example", "default"), key("b.example", "default"), key("b.example", "push"));
	}

	@Test
	void theRegistryExpandsAndFallsBackToTheGlobalPool() {
		this.runner
			.withPropertyValues("meridian.outgoing-pools[0].type=generic", "meridian.outgoing-pools[0].host=host",
					"meridian.outgoing-pools[1].type=generic", "meridian.outgoing-pools[1].host=c.example",
					"meridian.outgoing-pools[1].pool.workers=2", "meridian.outgoing-pools[2].type=generic",
					"meridian.outgoing-pools[2].tag=push")
			.run(context -> {
				OutgoingPools pools = context.getBean(OutgoingPools.class);
				assertThat(pools.all()).extracting(OutgoingPool::key)
					.containsExactlyInAnyOrder(key("a.example", "default"), key("b.example", "default"), key("c.example", "default"),
							key("global", "push"));
				assertThat(pools.get(PoolType.GENERIC, "C.EXAMPLE", "default").options().workers()).isEqualTo(2);
				assertThat(pools.get(PoolType.GENERIC, "a.example", "push").key()).isEqualTo(key("global", "push"));
				assertThatThrownBy(() -> pools.get(PoolType.GENERIC, "unknown.example", "default"))
					.isInstanceOf(NoSuchPoolException.class)
					.hasMessageContaining("(generic, unknown.example, default)");
			});
	}

	@Test
	void domainsAddedAndRemovedAtRunTimeGetAndLoseTheirHostPools() {
		this.runner
			.withPropertyValues("meridian.outgoing-pools[0].type=generic", "meridian.outgoing-pools[0].host=host",
					"meridian.outgoing-pools[1].type=generic", "meridian.outgoing-pools[1].host=d.example",
					"meridian.outgoing-pools[1].pool.workers=2")
			.run(context -> {
				OutgoingPools pools = context.getBean(OutgoingPools.class);
				pools.hostAdded("new.example");
				assertThat(pools.get(PoolType.GENERIC, "new.example", "default").key()).isEqualTo(key("new.example", "default"));
				pools.hostAdded("d.example");
				assertThat(pools.get(PoolType.GENERIC, "d.example", "default").options().workers()).as("own entry kept").isEqualTo(2);
				pools.hostRemoved("new.example");
				assertThatThrownBy(() -> pools.get(PoolType.GENERIC, "new.example", "default")).isInstanceOf(NoSuchPoolException.class);
				pools.hostRemoved("d.example");
				assertThat(pools.get(PoolType.GENERIC, "d.example", "default").options().workers())
					.as("a domain's own entry is not a host expansion").isEqualTo(2);
			});
	}

	private static PoolDefinition definition(int index, String host, String tag) {
		return new PoolDefinition(index, PoolType.GENERIC, host, tag, false, PoolOptions.defaults(), new GenericWorkers.Connection());
	}

	private static PoolKey key(String host, String tag) {
		return new PoolKey(PoolType.GENERIC, host, tag);
	}

}
