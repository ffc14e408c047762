package io.meridian.gateway.stream;

/** Ends the stream with a stream error; the message is sent as the error's text. */
public class StreamException extends RuntimeException {

	private final StreamErrorCondition condition;

	public StreamException(StreamErrorCondition condition, String message) {
		super(message);
		this.condition = condition;
	}

	public StreamErrorCondition condition() {
		return this.condition;
	}

}
