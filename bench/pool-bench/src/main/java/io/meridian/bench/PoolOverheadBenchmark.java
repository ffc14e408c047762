package io.meridian.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.meridian.pool.OutgoingPool;
import io.meridian.pool.OutgoingPools;
import io.meridian.pool.OutgoingPoolsAutoConfiguration;
import io.meridian.pool.PoolType;
import io.meridian.pool.RdbmsClient;
import io.meridian.pool.RedisPoolClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a call through an outgoing pool costs over the same call on the bare client: the same
 * query on a bare HikariCP pool and on an rdbms pool of as many connections (both through
 * JdbcTemplate), and the same GET on a bare Lettuce connection and through a redis pool. The
 * difference is the pool's worker choice, circuit breaker, timeouts and metrics.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PoolOverheadBenchmark {

	static final String QUERY = "select 1";

	static final String KEY = "meridian:bench:key";

	private ConfigurableApplicationContext context;

	private HikariDataSource bareDataSource;

	private JdbcTemplate bareJdbc;

	private OutgoingPool<RdbmsClient> rdbms;

	private RedisClient bareRedisClient;

	private StatefulRedisConnection<String, String> bareRedis;

	private OutgoingPool<RedisPoolClient> redis;

	@Setup(Level.Trial)
	public void start() {
		Endpoints endpoints = Endpoints.fromEnvironment();
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:postgresql://" + endpoints.postgres() + "/test");
		config.setUsername("postgres");
		config.setMaximumPoolSize(Endpoints.WORKERS);
		config.setMinimumIdle(Endpoints.WORKERS);
		this.bareDataSource = new HikariDataSource(config);
		this.bareJdbc = new JdbcTemplate(this.bareDataSource);
		this.context = new SpringApplicationBuilder(Pools.class).web(WebApplicationType.NONE)
			.properties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "warn"))
			.properties(endpoints.poolProperties())
			.run();
		this.rdbms = this.context.getBean(OutgoingPools.class).get(PoolType.RDBMS);
		this.redis = this.context.getBean(OutgoingPools.class).get(PoolType.REDIS);
		this.bareRedisClient = RedisClient.create(RedisURI.create(Endpoints.host(endpoints.redis()), Endpoints.port(endpoints.redis())));
		this.bareRedis = this.bareRedisClient.connect();
		this.bareRedis.sync().set(KEY, "value");
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
		this.bareDataSource.close();
		this.bareRedis.close();
		this.bareRedisClient.shutdown();
	}

	@Benchmark
	public Integer rdbmsBare() {
		return this.bareJdbc.queryForObject(QUERY, Integer.class);
	}

	@Benchmark
	public Integer rdbmsPool() {
		return this.rdbms.call(c -> c.jdbc().queryForObject(QUERY, Integer.class));
	}

	@Benchmark
	public String redisBare() {
		return this.bareRedis.sync().get(KEY);
	}

	@Benchmark
	public String redisPool() {
		return this.redis.call(c -> c.commands().get(KEY));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(OutgoingPoolsAutoConfiguration.class)
	static class Pools {

	}

}
