package io.meridian.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The operator's REST API over the services' gRPC APIs; meridianctl is its command line. */
@SpringBootApplication
@EnableConfigurationProperties(AdminProperties.class)
public class AdminApiApplication {

	public static void main(String[] args) {
		SpringApplication.run(AdminApiApplication.class, args);
	}

}
