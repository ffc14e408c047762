package io.meridian.ctl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

	@TempDir
	Path home;

	private static final Settings.Flags NO_FLAGS = new Settings.Flags(null, null, null, null);

	@Test
	void defaultsToTheLocalAdminApiWithoutCredentials() {
		Settings settings = Settings.resolve(NO_FLAGS, Map.of(), this.home);
		assertThat(settings).isEqualTo(new Settings(URI.create("http://127.0.0.1:8088"), null, null));
	}

	@Test
	void theFlagWinsOverTheEnvironmentWhichWinsOverTheConfigFile() throws IOException {
		Path config = this.home.resolve(".config/meridian/meridianctl.properties");
		Files.createDirectories(config.getParent());
		Files.writeString(config, "url=https://file.example/\nuser=file-user\npassword=file-pw\n");
		assertThat(Settings.resolve(NO_FLAGS, Map.of(), this.home))
			.isEqualTo(new Settings(URI.create("https://file.example"), "file-user", "file-pw"));

		Map<String, String> env = Map.of("MERIDIAN_URL", "http://env.example:8088", "MERIDIAN_USER", "env-user", "MERIDIAN_PASSWORD", "env-pw");
		assertThat(Settings.resolve(NO_FLAGS, env, this.home)).isEqualTo(new Settings(URI.create("http://env.example:8088"), "env-user", "env-pw"));

		Path passwordFile = Files.writeString(this.home.resolve("pw"), "flag-pw\nignored second line\n");
		assertThat(Settings.resolve(new Settings.Flags("http://flag.example", "flag-user", passwordFile, null), env, this.home))
			.isEqualTo(new Settings(URI.create("http://flag.example"), "flag-user", "flag-pw"));
	}

	@Test
	void theConfigFileMayBeElsewhereAndNameAPasswordFile() throws IOException {
		Path passwordFile = Files.writeString(this.home.resolve("secret"), "from-file\r\n");
		Path xdg = this.home.resolve("xdg");
		Files.createDirectories(xdg.resolve("meridian"));
		Files.writeString(xdg.resolve("meridian/meridianctl.properties"), "user=ops\npassword-file=" + passwordFile + "\n");
		assertThat(Settings.resolve(NO_FLAGS, Map.of("XDG_CONFIG_HOME", xdg.toString()), this.home).password()).isEqualTo("from-file");

		Path explicit = Files.writeString(this.home.resolve("other.properties"), "user=other\n");
		assertThat(Settings.resolve(new Settings.Flags(null, null, null, explicit), Map.of(), this.home).user()).isEqualTo("other");
		assertThat(Settings.resolve(NO_FLAGS, Map.of("MERIDIAN_CONFIG", explicit.toString()), this.home).user()).isEqualTo("other");
		assertThat(Settings.resolve(NO_FLAGS, Map.of("MERIDIAN_PASSWORD_FILE", passwordFile.toString()), this.home).password())
			.isEqualTo("from-file");
	}

	@Test
	void missingFilesAndWrongUrlsAreUsageErrors() {
		assertThatThrownBy(() -> Settings.resolve(new Settings.Flags(null, null, null, this.home.resolve("none")), Map.of(), this.home))
			.isInstanceOfSatisfying(CtlException.class, ex -> assertThat(ex.exitCode()).isEqualTo(ExitCodes.USAGE))
			.hasMessageContaining("does not exist");
		assertThatThrownBy(() -> Settings.resolve(new Settings.Flags(null, null, this.home.resolve("none"), null), Map.of(), this.home))
			.isInstanceOfSatisfying(CtlException.class, ex -> assertThat(ex.exitCode()).isEqualTo(ExitCodes.USAGE))
			.hasMessageContaining("cannot read the password file");
		assertThatThrownBy(() -> Settings.resolve(new Settings.Flags("localhost:8088", null, null, null), Map.of(), this.home))
			.isInstanceOfSatisfying(CtlException.class, ex -> assertThat(ex.exitCode()).isEqualTo(ExitCodes.USAGE));
	}

}
