package io.meridian.testsupport;

/**
 * Where a real server answers.
 *
 * @param host host name or address
 * @param port TCP port
 * @param origin how it was found, for log lines and failure messages
 */
public record Endpoint(String host, int port, String origin) {

	public String hostAndPort() {
		return this.host + ":" + this.port;
	}

}
