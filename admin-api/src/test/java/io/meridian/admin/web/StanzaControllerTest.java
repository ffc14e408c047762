package io.meridian.admin.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StanzaControllerTest {

	@Test
	void theDomainOfACallerIsWhatFollowsTheAtAndPrecedesTheResource() {
		assertThat(StanzaController.domainOf("alice@example.com")).isEqualTo("example.com");
		assertThat(StanzaController.domainOf("alice@example.com/phone@home")).isEqualTo("example.com");
		assertThat(StanzaController.domainOf("example.com")).isEqualTo("example.com");
	}

	@Test
	void theFromOfAStanzaIsReadFromItsTopElement() {
		assertThat(StanzaController.from("<message from='a@example.com' to='b@other.example'><body from='x@y'/></message>"))
			.contains("a@example.com");
		assertThat(StanzaController.from("<presence/>")).isEmpty();
		assertThat(StanzaController.from("not xml")).isEmpty();
	}

	@Test
	void aDocumentTypeIsNeverFollowed() {
		String xxe = "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><message from='&x;'/>";
		assertThat(StanzaController.from(xxe)).isEmpty();
	}

}
