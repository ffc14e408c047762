package io.meridian.gateway.modules.privatedata;

import org.junit.jupiter.api.Test;

import io.meridian.gateway.stanza.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PrivateKeyTest {

	@Test
	void anItemIsKeyedByTheNamespaceAndNameOfItsRootElement() {
		assertThat(PrivateKey.of(Element.builder("storage", "storage:bookmarks").build())).isEqualTo(new PrivateKey("storage:bookmarks", "storage"));
		assertThat(PrivateKey.of(Element.builder("exodus", "exodus:prefs").build()))
			.isNotEqualTo(PrivateKey.of(Element.builder("other", "exodus:prefs").build()));
	}

	@Test
	void reservedAndMissingNamespacesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PrivateKey.of(Element.builder("x", "jabber:x:data").build()))
			.withMessageContaining("reserved");
		assertThatIllegalArgumentException().isThrownBy(() -> PrivateKey.of(Element.builder("query", "jabber:iq:private").build()));
		assertThatIllegalArgumentException().isThrownBy(() -> PrivateKey.of(Element.builder("prefs", "").build()))
			.withMessageContaining("namespace of its own");
	}

	@Test
	void keysLongerThanTheColumnsAreRefused() {
		assertThat(PrivateKey.of(Element.builder("n".repeat(PrivateKey.MAX_NAME), "urn:" + "x".repeat(PrivateKey.MAX_NAMESPACE - 4)).build()))
			.isNotNull();
		assertThatIllegalArgumentException().isThrownBy(() -> PrivateKey.of(Element.builder("prefs", "urn:" + "x".repeat(PrivateKey.MAX_NAMESPACE)).build()));
		assertThatIllegalArgumentException().isThrownBy(() -> PrivateKey.of(Element.builder("n".repeat(PrivateKey.MAX_NAME + 1), "urn:x").build()));
	}

	@Test
	void sizesAreCountedInUtf8Bytes() {
		assertThat(PrivateStore.size("<a xmlns='urn:x'>é</a>")).isEqualTo(23);
	}

}
