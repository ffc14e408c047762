package io.meridian.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/** Tells the operator which node came up and when it went down. */
class NodeLifecycleLogger {

	private static final Logger log = LoggerFactory.getLogger(NodeLifecycleLogger.class);

	private final String service;

	private final NodeProperties node;

	NodeLifecycleLogger(String service, NodeProperties node) {
		this.service = service;
		this.node = node;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		log.info("Meridian {} ready on node {}", this.service, this.node.name());
	}

	@EventListener(ContextClosedEvent.class)
	void closing() {
		log.info("Meridian {} on node {} shutting down", this.service, this.node.name());
	}

}
