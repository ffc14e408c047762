package io.meridian.gateway;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged gateway as an operator runs it: {@code java -jar} in the standalone profile,
 * with no external server, answering XMPP clients and stopping cleanly on SIGTERM.
 */
class GatewayProcessIT {

	private static final Pattern C2S_PORT = Pattern.compile("XMPP c2s listener on [^:]+:(\\d+)");

	private final Path log = Path.of("target", "gateway-process-it.log");

	private Process process;

	@AfterEach
	void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

	@Test
	void standaloneJarServesClientsAndStopsCleanlyOnSigterm() throws Exception {
		Path jar = Files.list(Path.of("target"))
			.filter(p -> p.getFileName().toString().matches("xmpp-gateway-.*-exec\\.jar"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("package the gateway first"));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// Output goes to a file: Process.destroy() closes the pipes, which would lose the shutdown lines.
		this.process = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString(), "--meridian.c2s.port=0", "--meridian.c2s.direct-tls-port=0", "--server.port=0", "--spring.grpc.server.port=0",
				"--meridian.c2s.bind-address=127.0.0.1")
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.directory(new File("target"))
			.start();

		int port = await().atMost(60, TimeUnit.SECONDS).until(this::boundPort, p -> p > 0);
		await().atMost(30, TimeUnit.SECONDS).until(() -> output().stream().anyMatch(l -> l.contains("ready on node standalone")));

		try (XmppClientSocket client = new XmppClientSocket(port)) {
			client.send(XmppClientSocket.header("localhost"));
			assertThat(client.readUntil("</stream:features>")).contains("<stream:stream ").contains("version='1.0'");
		}

		this.process.destroy(); // SIGTERM
		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
		assertThat(this.process.exitValue()).isEqualTo(143);
		assertThat(output()).anyMatch(l -> l.contains("[standalone]") && l.contains("shutting down"))
			.anyMatch(l -> l.contains("XMPP c2s listener stopped"))
			.noneMatch(l -> l.contains(" ERROR "));
	}

	private int boundPort() throws IOException {
		for (String line : output()) {
			Matcher m = C2S_PORT.matcher(line);
			if (m.find()) {
				return Integer.parseInt(m.group(1));
			}
		}
		return -1;
	}

	private List<String> output() throws IOException {
		return Files.readAllLines(this.log, StandardCharsets.UTF_8);
	}

}
