package io.meridian.registrar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Node membership of each cluster in ZooKeeper or etcd. */
@SpringBootApplication
public class ClusterRegistrarApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClusterRegistrarApplication.class, args);
	}

}
