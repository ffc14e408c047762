package io.meridian.pool;

import java.util.Locale;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health/outgoingPools}: one indicator per running pool, named
 * {@code type-host-tag}, that makes one round trip within the pool's call-timeout.
 */
class OutgoingPoolsHealthContributor implements CompositeHealthContributor {

	private final OutgoingPools pools;

	OutgoingPoolsHealthContributor(OutgoingPools pools) {
		this.pools = pools;
	}

	@Override
	public HealthContributor getContributor(String name) {
		return this.pools.all().stream().filter(p -> name(p).equals(name)).findFirst().map(this::indicator).orElse(null);
	}

	@Override
	public java.util.stream.Stream<HealthContributors.Entry> stream() {
		return this.pools.all().stream().map(p -> new HealthContributors.Entry(name(p), indicator(p)));
	}

	private HealthIndicator indicator(OutgoingPool<?> pool) {
		return () -> {
			Health.Builder health;
			try {
				pool.check();
				health = Health.up();
			}
			catch (Exception ex) {
				health = Health.down(ex);
			}
			return health.withDetail("workers", pool.options().workers())
				.withDetail("strategy", pool.options().strategy().configName())
				.withDetail("circuit", pool.circuitState().name().toLowerCase(Locale.ROOT))
				.build();
		};
	}

	private static String name(OutgoingPool<?> pool) {
		PoolKey key = pool.key();
		return key.type().configName() + "-" + key.host() + "-" + key.tag();
	}

}
