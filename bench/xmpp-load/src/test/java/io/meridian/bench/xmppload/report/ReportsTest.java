package io.meridian.bench.xmppload.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {

	private static Result chat(String server, double rate, double p99) {
		return new Result("chat-flat", server).add(Metric.info("pairs", 100, "pairs"))
			.add(Metric.higher("delivered_msg_per_s", rate, "msg/s"))
			.add(Metric.lower("p99_ms", p99, "ms"))
			.add(Metric.info("losses", 0, "messages"));
	}

	@Test
	void theResultLineIsOneGreppableLineOfNameValuePairs() {
		Result result = chat("meridian", 46123.4567, 0.41);
		assertThat(result.line()).isEqualTo(
				"RESULT scenario=chat-flat server=meridian pairs=100 delivered_msg_per_s=46123.457 p99_ms=0.41 losses=0");
		assertThat(result.error("it broke, \"badly\"").line()).endsWith(" error=\"it broke, 'badly'\"");
	}

	@Test
	void numbersAreGroupedInTablesAndPlainInCsv() {
		assertThat(Numbers.human(46123.4567)).isEqualTo("46,123");
		assertThat(Numbers.human(12.345)).isEqualTo("12.3");
		assertThat(Numbers.human(0.4149)).isEqualTo("0.415");
		assertThat(Numbers.human(Double.NaN)).isEqualTo("n/a");
		assertThat(Numbers.plain(1e7)).isEqualTo("10000000");
		assertThat(Numbers.plain(Double.NaN)).isEqualTo("NaN");
		assertThat(Numbers.ratio(46000, 9200)).isEqualTo("5.00×");
		assertThat(Numbers.ratio(335000, 9200)).isEqualTo("36×");
		assertThat(Numbers.ratio(0.299, 88.9)).isEqualTo("0.0034×");
	}

	@Test
	void markdownOfOneRun() {
		assertThat(Reports.markdown(chat("meridian", 46000, 0.5))).isEqualTo("""
				| chat-flat on meridian | value | unit |
				|---|---:|---|
				| pairs | 100 | pairs |
				| delivered_msg_per_s | 46,000 | msg/s |
				| p99_ms | 0.500 | ms |
				| losses | 0 | messages |
				""");
	}

	@Test
	void csvRoundTripAndTheComparisonWithRatiosAndMedians(@TempDir Path dir) throws Exception {
		Path csv = dir.resolve("results.csv");
		Reports.appendCsv(csv, chat("meridian", 40000, 0.4));
		Reports.appendCsv(csv, chat("meridian", 50000, 0.6));
		Reports.appendCsv(csv, chat("meridian", 46000, 0.5));
		Reports.appendCsv(csv, chat("ejabberd", 9200, 0.66));
		Reports.appendCsv(csv, chat("prosody", 9200, 9));
		List<String> lines = Files.readAllLines(csv);
		assertThat(lines.get(0)).isEqualTo(Reports.CSV_HEADER);
		assertThat(lines).filteredOn(l -> l.equals(Reports.CSV_HEADER)).hasSize(1);
		assertThat(lines.get(2)).isEqualTo("meridian,chat-flat,delivered_msg_per_s,40000,msg/s,higher");

		List<Reports.Row> rows = Reports.readCsv(csv);
		assertThat(rows).hasSize(20);
		String table = Reports.comparison(rows, "meridian", null);
		assertThat(table).isEqualTo("""
				| scenario | metric | unit | meridian | ejabberd | prosody | meridian ÷ ejabberd | meridian ÷ prosody |
				|---|---|---|---:|---:|---:|---:|---:|
				| chat-flat | delivered_msg_per_s | msg/s (higher is better) | 46,000 | 9,200 | 9,200 | 5.00× | 5.00× |
				| chat-flat | p99_ms | ms (lower is better) | 0.500 | 0.660 | 9 | 0.76× | 0.0556× |
				""");
		assertThat(Reports.comparison(rows, "meridian", Set.of("chat-flat.losses"))).contains("| chat-flat | losses | messages | 0 | 0 | 0 |");
	}

	@Test
	void aServerMissingAFigureShowsNotAvailable() {
		List<Reports.Row> rows = List.of(new Reports.Row("meridian", "fanout", "presence_per_s", Double.NaN, "presence stanzas/s", Metric.Better.HIGHER),
				new Reports.Row("prosody", "fanout", "presence_per_s", 12000, "presence stanzas/s", Metric.Better.HIGHER));
		assertThat(Reports.comparison(rows, "meridian", null)).contains("| n/a | 12,000 | n/a |");
	}

	@Test
	void quotedCsvFields() {
		assertThat(Reports.splitCsv("a,\"b,c\",\"d\"\"e\"")).containsExactly("a", "b,c", "d\"e");
	}

	@Test
	void failuresCountLossesFailedLoginsAndErrors() {
		Result result = new Result("x", "y").add(Metric.info("losses", 2, "")).add(Metric.info("failed_logins", 1, "")).add(Metric.info("errors", 0, ""));
		assertThat(result.failures()).isEqualTo(3);
	}

}
