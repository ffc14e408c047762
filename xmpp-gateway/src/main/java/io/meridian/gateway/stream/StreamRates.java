package io.meridian.gateway.stream;

/**
 * How fast one client stream may send: bytes are shaped (reading pauses while the byte bucket is
 * in debt), stanzas beyond their ceiling end the stream with {@code policy-violation}.
 *
 * @param bytesPerSecond bytes read a second, on average
 * @param byteBurst bytes that may arrive at once after a quiet spell
 * @param stanzasPerSecond top-level elements a second, on average
 * @param stanzaBurst top-level elements that may arrive at once
 */
public record StreamRates(long bytesPerSecond, long byteBurst, int stanzasPerSecond, int stanzaBurst) {

	public StreamRates {
		if (bytesPerSecond <= 0 || byteBurst <= 0 || stanzasPerSecond <= 0 || stanzaBurst <= 0) {
			throw new IllegalArgumentException("stream rates and bursts must be positive: " + bytesPerSecond + " B/s, " + byteBurst
					+ " B, " + stanzasPerSecond + "/s, " + stanzaBurst);
		}
	}

}
