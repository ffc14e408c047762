package io.meridian.bench.xmppload.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioMathTest {

	@Test
	void theChatBodyCarriesItsSendTimeAndHasTheAskedSize() {
		String body = Chat.body(123456789012345L, 7, 200);
		assertThat(body).hasSize(200).startsWith("123456789012345;7;");
		assertThat(Chat.sendNanos(body)).isEqualTo(123456789012345L);
		assertThat(Chat.sendNanos("hello")).isEqualTo(-1);
		assertThat(Chat.sendNanos(null)).isEqualTo(-1);
	}

	@Test
	void ringContactsAreSymmetricAndDistinct() {
		int users = 23;
		int roster = 6;
		for (int i = 0; i < users; i++) {
			List<Integer> contacts = PresenceFanout.contacts(i, users, roster);
			assertThat(new HashSet<>(contacts)).hasSize(roster).doesNotContain(i);
			for (int c : contacts) {
				assertThat(PresenceFanout.contacts(c, users, roster)).contains(i);
			}
		}
	}

	@Test
	void usersOfOneWaveAreNeverContactsOfEachOtherAcrossTheSeam() {
		int users = 23;
		int roster = 6;
		Set<Integer> toggled = new HashSet<>();
		for (int k = 0; k < PresenceFanout.waves(roster); k++) {
			List<Integer> wave = PresenceFanout.wave(k, users, roster);
			for (int u : wave) {
				assertThat(PresenceFanout.contacts(u, users, roster)).doesNotContainAnyElementsOf(wave);
			}
			toggled.addAll(wave);
		}
		assertThat(toggled).hasSize(20); // 23 - 23 % 4: the last three sit out
	}

	@Test
	void memoryFiguresFromProcAndPrometheus() {
		assertThat(ServerMemory.parseVmRss("Name:\tjava\nVmPeak:\t 100 kB\nVmRSS:\t  2048 kB\n")).isEqualTo(2048 * 1024.0);
		String prometheus = """
				# HELP jvm_memory_used_bytes The amount of used memory
				jvm_memory_used_bytes{application="xmpp-gateway",area="heap",id="G1 Eden Space",node="n"} 1000.0
				jvm_memory_used_bytes{application="xmpp-gateway",area="heap",id="G1 Old Gen",node="n"} 2.5E3
				jvm_memory_used_bytes{application="xmpp-gateway",area="nonheap",id="Metaspace",node="n"} 99999.0
				""";
		assertThat(ServerMemory.parseHeapUsed(prometheus)).isEqualTo(3500.0);
		assertThat(ServerMemory.parseHeapUsed("nothing")).isNaN();
	}

}
