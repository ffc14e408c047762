package io.meridian.bench.stanza;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.meridian.gateway.stanza.Element;

/**
 * Writing one delivered chat message as the gateway does before it goes to the recipient's
 * socket ({@code Element.toXml} in the client namespace): the message the load tool's chat
 * sends, stamped with {@code from}, with a body of {@code bodySize} characters, plain or with
 * characters to escape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StanzaSerializeBenchmark {

	@Param({ "200", "2000" })
	public int bodySize;

	@Param({ "plain", "markup" })
	public String body;

	private Element message;

	@Setup(Level.Trial)
	public void message() {
		String unit = "plain".equals(this.body) ? "hello there, " : "if a < b && c > 'd' ";
		StringBuilder text = new StringBuilder("1764672000123456789;4711;");
		while (text.length() < this.bodySize) {
			text.append(unit);
		}
		text.setLength(this.bodySize);
		this.message = Element.builder("message", "jabber:client")
			.attribute("type", "chat")
			.attribute("to", "load17@bench.test")
			.attribute("id", "m4711")
			.attribute("from", "load16@bench.test/load")
			.child(Element.builder("body", "jabber:client").text(text.toString()).build())
			.build();
	}

	@Benchmark
	public String toXml() {
		return this.message.toXml("jabber:client");
	}

}
