package io.meridian.admin.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditFilterTest {

	@Test
	void whatACallerSendsCannotForgeAnAuditLine() {
		assertThat(AuditFilter.clean("alice\" status=204 outcome=ok\nuser=root")).isEqualTo("alice\\\" status=204 outcome=ok?user=root");
		assertThat(AuditFilter.clean("a\\b")).isEqualTo("a\\\\b");
	}

}
