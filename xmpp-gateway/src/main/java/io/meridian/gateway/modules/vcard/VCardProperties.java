package io.meridian.gateway.modules.vcard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * vCards (XEP-0054).
 *
 * @param maxSize largest vCard kept, in bytes of its XML; a larger one is refused with {@code not-acceptable}
 */
@ConfigurationProperties("meridian.vcard")
public record VCardProperties(@DefaultValue("65536") int maxSize) {

	public VCardProperties {
		if (maxSize < 1) {
			throw new IllegalArgumentException("meridian.vcard.max-size must be positive, was " + maxSize);
		}
	}

}
