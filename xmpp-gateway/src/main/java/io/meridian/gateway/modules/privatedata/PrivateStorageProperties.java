package io.meridian.gateway.modules.privatedata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Private XML storage (XEP-0049).
 *
 * @param maxSize what one account may keep in all, in bytes of XML; a set beyond it is refused with {@code not-acceptable}
 */
@ConfigurationProperties("meridian.private-storage")
public record PrivateStorageProperties(@DefaultValue("262144") int maxSize) {

	public PrivateStorageProperties {
		if (maxSize < 1) {
			throw new IllegalArgumentException("meridian.private-storage.max-size must be positive, was " + maxSize);
		}
	}

}
