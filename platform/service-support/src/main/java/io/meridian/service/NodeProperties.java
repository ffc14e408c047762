package io.meridian.service;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity of this process within the suite.
 *
 * @param name the node name carried by every log line and metric; defaults to
 *             {@code <spring.application.name>@<hostname>}
 */
@ConfigurationProperties("meridian.node")
public record NodeProperties(String name) {
}
