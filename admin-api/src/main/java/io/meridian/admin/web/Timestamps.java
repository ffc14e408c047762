package io.meridian.admin.web;

import java.time.Instant;

import com.google.protobuf.Timestamp;

final class Timestamps {

	private Timestamps() {
	}

	/** The instant, or null for an unset timestamp. */
	static Instant instant(Timestamp timestamp) {
		if (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0) {
			return null;
		}
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
	}

}
