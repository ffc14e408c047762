package io.meridian.router;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Routing between datacenters: which datacenter holds a JID, and the links to the others. */
@SpringBootApplication
public class DistribRouterApplication {

	public static void main(String[] args) {
		SpringApplication.run(DistribRouterApplication.class, args);
	}

}
