package io.meridian.testsupport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rabbitmq.client.ConnectionFactory;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each real server the suite relies on is found and answers its own protocol. */
class RealServersIT {

	@Test
	void postgresAnswersSql() throws Exception {
		Endpoint pg = RealServers.locate(RealServer.POSTGRES);
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pg.hostAndPort() + "/test", "postgres", "");
				ResultSet rs = c.createStatement().executeQuery("select version()")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).startsWith("PostgreSQL");
		}
	}

	@Test
	void mariadbAnswersSql() throws Exception {
		Endpoint db = RealServers.locate(RealServer.MARIADB);
		try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + db.hostAndPort() + "/test", "root", "");
				ResultSet rs = c.createStatement().executeQuery("select version()")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).containsIgnoringCase("mariadb");
		}
	}

	@Test
	void redisKeepsAValue() {
		Endpoint redis = RealServers.locate(RealServer.REDIS);
		RedisClient client = RedisClient.create("redis://" + redis.hostAndPort());
		try (StatefulRedisConnection<String, String> c = client.connect()) {
			c.sync().set("meridian:it:probe", "42");
			assertThat(c.sync().get("meridian:it:probe")).isEqualTo("42");
			c.sync().del("meridian:it:probe");
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void rabbitmqRoutesAMessage() throws Exception {
		Endpoint rabbit = RealServers.locate(RealServer.RABBITMQ);
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(rabbit.host());
		factory.setPort(rabbit.port());
		try (com.rabbitmq.client.Connection c = factory.newConnection(); var channel = c.createChannel()) {
			String queue = channel.queueDeclare().getQueue();
			channel.basicPublish("", queue, null, "hello".getBytes(StandardCharsets.UTF_8));
			var got = channel.basicGet(queue, true);
			assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
		}
	}

	@Test
	void cassandraAnswersCql() {
		Endpoint cassandra = RealServers.locate(RealServer.CASSANDRA);
		try (CqlSession session = CqlSession.builder()
			.addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.port()))
			.withLocalDatacenter(cassandraDatacenter())
			.build()) {
			String version = session.execute("select release_version from system.local").one().getString(0);
			assertThat(version).startsWith("5.0");
		}
	}

	private static String cassandraDatacenter() {
		return System.getenv().getOrDefault("MERIDIAN_IT_CASSANDRA_DC", "dc1");
	}

	@Test
	void zookeeperKeepsAnEphemeralNode() throws Exception {
		Endpoint zk = RealServers.locate(RealServer.ZOOKEEPER);
		CountDownLatch connected = new CountDownLatch(1);
		ZooKeeper client = new ZooKeeper(zk.hostAndPort(), 10_000, event -> {
			if (event.getState() == org.apache.zookeeper.Watcher.Event.KeeperState.SyncConnected) {
				connected.countDown();
			}
		});
		try {
			assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
			String path = client.create("/meridian-it-", "node".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
					CreateMode.EPHEMERAL_SEQUENTIAL);
			assertThat(new String(client.getData(path, false, null), StandardCharsets.UTF_8)).isEqualTo("node");
		}
		finally {
			client.close();
		}
	}

	@Test
	void etcdKeepsAValue() throws Exception {
		Endpoint etcd = RealServers.locate(RealServer.ETCD);
		try (Client client = Client.builder().endpoints("http://" + etcd.hostAndPort()).build()) {
			ByteSequence key = ByteSequence.from("/meridian/it/probe", StandardCharsets.UTF_8);
			client.getKVClient().put(key, ByteSequence.from("up", StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
			var got = client.getKVClient().get(key).get(10, TimeUnit.SECONDS);
			assertThat(got.getKvs().get(0).getValue().toString(StandardCharsets.UTF_8)).isEqualTo("up");
			client.getKVClient().delete(key).get(10, TimeUnit.SECONDS);
		}
	}

}
