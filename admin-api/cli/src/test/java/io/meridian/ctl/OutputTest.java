package io.meridian.ctl;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OutputTest {

	@Test
	void tablesAlignTheirColumnsAndShowAbsentFieldsAsEmpty() {
		List<JsonNode> rows = List.of(AdminApi.json.readTree("{\"domain\":\"a.example\",\"hostType\":\"type1\",\"enabled\":true}"),
				AdminApi.json.readTree("{\"domain\":\"longer.example\",\"hostType\":null,\"enabled\":false}"));
		StringWriter text = new StringWriter();
		Output.table(new PrintWriter(text, true), rows,
				List.of(Output.column("DOMAIN", "domain"), Output.column("HOST TYPE", "hostType"), Output.column("ENABLED", "enabled")));
		assertThat(text.toString().lines()).containsExactly("DOMAIN          HOST TYPE  ENABLED", "a.example       type1      true",
				"longer.example             false");
	}

	@Test
	void httpStatusesMapToExitCodes() {
		assertThat(ExitCodes.of(200)).isEqualTo(ExitCodes.OK);
		assertThat(ExitCodes.of(400)).isEqualTo(ExitCodes.INVALID);
		assertThat(ExitCodes.of(401)).isEqualTo(ExitCodes.UNAUTHENTICATED);
		assertThat(ExitCodes.of(403)).isEqualTo(ExitCodes.FORBIDDEN);
		assertThat(ExitCodes.of(404)).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(ExitCodes.of(409)).isEqualTo(ExitCodes.CONFLICT);
		assertThat(ExitCodes.of(503)).isEqualTo(ExitCodes.UNREACHABLE);
		assertThat(ExitCodes.of(504)).isEqualTo(ExitCodes.UNREACHABLE);
		assertThat(ExitCodes.of(500)).isEqualTo(ExitCodes.FAILED);
		assertThat(ExitCodes.of(502)).isEqualTo(ExitCodes.FAILED);
	}

	@Test
	void jidsAreSplitAtTheAtAndTheFirstSlash() {
		assertThat(Jids.parse("alice@example.com/phone/1")).isEqualTo(new Jids.Jid("alice", "example.com", "phone/1"));
		assertThat(Jids.account("alice@example.com").bare()).isEqualTo("alice@example.com");
	}

	@Test
	void pathSegmentsAreEncoded() {
		assertThat(AdminApi.path("sessions", "example.com", "alice", "my phone/1")).isEqualTo("/sessions/example.com/alice/my%20phone%2F1");
		assertThat(AdminApi.query("hostType", null, "limit", 5, "after", "a b")).isEqualTo("?limit=5&after=a+b");
		assertThat(AdminApi.query("hostType", null)).isEmpty();
	}

}
