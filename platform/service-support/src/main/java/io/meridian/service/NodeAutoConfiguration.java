package io.meridian.service;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The node identity every Meridian service carries. */
@AutoConfiguration
@EnableConfigurationProperties(NodeProperties.class)
public class NodeAutoConfiguration {

	@Bean
	NodeLifecycleLogger nodeLifecycleLogger(@Value("${spring.application.name:meridian}") String service, NodeProperties node) {
		return new NodeLifecycleLogger(service, node);
	}

}
