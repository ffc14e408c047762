package io.meridian.gateway;

import java.time.Clock;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.meridian.domains.api.DomainServiceClient;
import io.meridian.gateway.domain.DomainFollower;
import io.meridian.gateway.domain.DomainTable;
import io.meridian.gateway.routing.LocalSession;
import io.meridian.gateway.routing.SessionRegistry;
import io.meridian.pool.NoSuchPoolException;
import io.meridian.pool.OutgoingPool;
import io.meridian.pool.OutgoingPools;
import io.meridian.pool.PoolType;
import io.meridian.pool.RedisPoolClient;

/**
 * Dynamic domains: what follows a domain in or out of this node's table (its sessions end with
 * {@code host-gone}, its {@code host} pools start and stop), and, when
 * {@code meridian.domain-service.address} is set, the follower of domain-service's event log
 * with its Redis nudges.
 */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DomainConfiguration.class);

	@Bean
	DomainTable.Listener domainLifecycle(DomainTable table, SessionRegistry sessions, OutgoingPools pools) {
		DomainTable.Listener listener = new DomainTable.Listener() {

			@Override
			public void domainAdded(String domain, String hostType) {
				pools.hostAdded(domain);
				log.info("Serving {} (host type {})", domain, hostType);
			}

			@Override
			public void domainRemoved(String domain) {
				int ended = 0;
				for (LocalSession session : sessions.sessions(domain)) {
					session.end("host-gone", domain + " is no longer served");
					ended++;
				}
				pools.hostRemoved(domain);
				log.info("No longer serving {}; {} session(s) ended", domain, ended);
			}

		};
		table.addListener(listener);
		return listener;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExpression("!'${meridian.domain-service.address:}'.isEmpty()")
	static class Following {

		@Bean(destroyMethod = "shutdownNow")
		ManagedChannel domainServiceChannel(GatewayProperties properties) {
			return ManagedChannelBuilder.forTarget(properties.domainService().address()).usePlaintext().build();
		}

		@Bean
		DomainFollower domainFollower(ManagedChannel domainServiceChannel, DomainTable table, GatewayProperties properties,
				MeterRegistry meters) {
			GatewayProperties.DomainService settings = properties.domainService();
			return new DomainFollower(new DomainServiceClient(domainServiceChannel, settings.deadline()), table, settings.pollInterval(),
					settings.gapTimeout(), Clock.systemUTC(), meters);
		}

		/** Nudges from domain-service over the global redis pool's server, when the node has one. */
		@Bean
		NudgeSubscription domainNudges(OutgoingPools pools, DomainFollower follower, GatewayProperties properties) {
			OutgoingPool<RedisPoolClient> redis;
			try {
				redis = pools.get(PoolType.REDIS);
			}
			catch (NoSuchPoolException ex) {
				log.info("No global redis pool: dynamic domains are followed by polling every {}", properties.domainService().pollInterval());
				return new NudgeSubscription(null);
			}
			StatefulRedisPubSubConnection<String, String> connection = redis.client().redisClient().connectPubSub();
			connection.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					follower.nudge();
				}
			});
			connection.async().subscribe(properties.domainService().nudgeChannel());
			return new NudgeSubscription(connection);
		}

	}

	/** The nudge channel's connection, closed with the context. */
	record NudgeSubscription(StatefulRedisPubSubConnection<String, String> connection) implements DisposableBean {

		@Override
		public void destroy() {
			if (this.connection != null) {
				this.connection.close();
			}
		}

	}

}
