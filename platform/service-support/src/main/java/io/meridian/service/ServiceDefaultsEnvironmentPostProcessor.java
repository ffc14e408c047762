package io.meridian.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the suite-wide defaults (probes, Prometheus, graceful shutdown, node name in logs and
 * metrics) at the lowest precedence, so any service or operator setting overrides them.
 */
class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String DEFAULTS = "meridian-service-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources().addLast(new ResourcePropertySource("meridianServiceDefaults", new ClassPathResource(DEFAULTS)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + DEFAULTS, ex);
		}
		String service = environment.getProperty("spring.application.name", "meridian");
		environment.getPropertySources()
			.addLast(new MapPropertySource("meridianNodeName", Map.of("meridian.node.name", service + "@" + hostname())));
	}

	private static String hostname() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
