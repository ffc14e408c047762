package io.meridian.domains.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainNamesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"example.com | example.com",
			"Example.COM | example.com",
			"example.com. | example.com",
			"localhost | localhost",
			"chat-1.example.org | chat-1.example.org",
			"ÉXAMPLE.com | éxample.com",
			"xn--xample-9ua.com | éxample.com",
			"bücher.de。example | bücher.de.example",
			"ｅｘａｍｐｌｅ.com | example.com",
			"example.com。 | example.com" })
	void canonicalFormIsLowerCaseWithULabelsAndNoTrailingDot(String given, String canonical) {
		assertThat(DomainNames.canonical(given)).isEqualTo(canonical);
		assertThat(DomainNames.canonical(canonical)).as("canonical is a fixed point").isEqualTo(canonical);
	}

	@Test
	void theLongestNamesAreAccepted() {
		String label63 = "a".repeat(63);
		assertThat(DomainNames.canonical(label63 + ".com")).isEqualTo(label63 + ".com");
		String name253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
		assertThat(name253).hasSize(253);
		assertThat(DomainNames.canonical(name253)).isEqualTo(name253);
		assertThat(DomainNames.canonical(name253 + ".")).as("the trailing dot is not counted").isEqualTo(name253);
	}

	@Test
	void aLabelOver63OctetsIsRefused() {
		assertThatThrownBy(() -> DomainNames.canonical("a".repeat(64) + ".com")).isInstanceOf(InvalidDomainNameException.class)
			.hasMessageContaining("too long");
	}

	@Test
	void aNameOver253OctetsIsRefusedWithItsLength() {
		String name254 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(62));
		assertThatThrownBy(() -> DomainNames.canonical(name254)).isInstanceOf(InvalidDomainNameException.class)
			.hasMessageContaining("254 octets long, more than 253");
	}

	@Test
	void theLimitsApplyToTheAsciiForm() {
		// 60 characters, but its A-label ("xn--" + punycode) is longer than 63 octets.
		String label = "é".repeat(60);
		assertThatThrownBy(() -> DomainNames.canonical(label + ".com")).isInstanceOf(InvalidDomainNameException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "..", "a..b", ".example.com", "example.com..", "exa mple.com", "under_score.com",
			"-lead.example", "trail-.example", "user@example.com", "example.com/res", "a\u0000b", "[::1]", "xn--zz.com" })
	void invalidNamesAreRefusedWithAReason(String name) {
		assertThatThrownBy(() -> DomainNames.canonical(name)).isInstanceOfSatisfying(InvalidDomainNameException.class, ex -> {
			assertThat(ex.name()).isEqualTo(name);
			assertThat(ex.reason()).isNotBlank();
			assertThat(ex.getMessage()).startsWith("'" + name + "' is not a valid domain: ");
		});
		assertThat(DomainNames.isValid(name)).isFalse();
	}

	@Test
	void nullIsRefused() {
		assertThatThrownBy(() -> DomainNames.canonical(null)).isInstanceOf(InvalidDomainNameException.class)
			.hasMessageContaining("empty");
	}

	@Test
	void aHugeInputIsRefusedBeforeIdna() {
		assertThatThrownBy(() -> DomainNames.canonical("a".repeat(100_000))).isInstanceOf(InvalidDomainNameException.class)
			.hasMessageContaining("longer than 253");
	}

}
