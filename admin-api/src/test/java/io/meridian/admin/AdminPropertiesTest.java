package io.meridian.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class AdminPropertiesTest {

	@Test
	void defaultsReachTheServicesOnTheirDefaultPorts() {
		AdminProperties properties = bind(new StandardEnvironment());
		assertThat(properties.gateway()).isEqualTo(new AdminProperties.Backend("127.0.0.1:9201", Duration.ofSeconds(5)));
		assertThat(properties.domainService()).isEqualTo(new AdminProperties.Backend("127.0.0.1:9202", Duration.ofSeconds(5)));
		assertThat(properties.users()).isEmpty();
	}

	@Test
	void usersComeFromAMountedSecretOneFilePerKey(@TempDir Path secret) throws IOException {
		// Kubernetes Secret keys allow no brackets: the list index is a path segment of its own.
		Files.writeString(secret.resolve("meridian.admin.users.0.name"), "ops");
		Files.writeString(secret.resolve("meridian.admin.users.0.password"), "{bcrypt}$2a$10$hash\n");
		Files.writeString(secret.resolve("meridian.admin.users.0.role"), "admin");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new ConfigTreePropertySource("secret", secret, ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE));
		AdminProperties.User user = bind(environment).users().get(0);
		assertThat(user.name()).isEqualTo("ops");
		assertThat(user.password()).isEqualTo("{bcrypt}$2a$10$hash");
		assertThat(user.role()).isEqualTo("admin");
	}

	@Test
	void usersAndAddressesComeFromTheEnvironment() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
				"MERIDIAN_ADMIN_USERS_0_NAME", "ops", "MERIDIAN_ADMIN_USERS_0_PASSWORD", "{noop}x", "MERIDIAN_ADMIN_USERS_0_ROLE", "readonly",
				"MERIDIAN_ADMIN_USERS_0_DOMAINS", "a.example,b.example", "MERIDIAN_ADMIN_GATEWAY_ADDRESS", "gw:9201",
				"MERIDIAN_ADMIN_DOMAINSERVICE_DEADLINE", "2s")));
		AdminProperties properties = bind(environment);
		assertThat(properties.users().get(0).domains()).containsExactly("a.example", "b.example");
		assertThat(properties.users().get(0).role()).isEqualTo("readonly");
		assertThat(properties.gateway().address()).isEqualTo("gw:9201");
		assertThat(properties.domainService()).isEqualTo(new AdminProperties.Backend("127.0.0.1:9202", Duration.ofSeconds(2)));
	}

	private static AdminProperties bind(StandardEnvironment environment) {
		return new Binder(ConfigurationPropertySources.from(environment.getPropertySources())).bindOrCreate("meridian.admin",
				AdminProperties.class);
	}

}
