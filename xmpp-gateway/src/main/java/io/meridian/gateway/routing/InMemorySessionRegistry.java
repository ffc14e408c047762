package io.meridian.gateway.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.meridian.gateway.stanza.Jid;

/** The sessions of this node, by bare JID then resource. */
public class InMemorySessionRegistry implements SessionRegistry {

	private final Map<Jid, Map<String, LocalSession>> sessions = new ConcurrentHashMap<>();

	@Override
	public LocalSession register(LocalSession session) {
		Jid jid = session.jid();
		return this.sessions.computeIfAbsent(jid.bare(), k -> new ConcurrentHashMap<>()).put(jid.resource(), session);
	}

	@Override
	public void unregister(LocalSession session) {
		Jid jid = session.jid();
		this.sessions.computeIfPresent(jid.bare(), (bare, resources) -> {
			resources.remove(jid.resource(), session);
			return resources.isEmpty() ? null : resources;
		});
	}

	@Override
	public LocalSession session(Jid full) {
		Map<String, LocalSession> resources = this.sessions.get(full.bare());
		return (resources != null) ? resources.get(full.resource()) : null;
	}

	@Override
	public Collection<LocalSession> sessions(Jid bare) {
		Map<String, LocalSession> resources = this.sessions.get(bare);
		return (resources != null) ? List.copyOf(resources.values()) : List.of();
	}

	@Override
	public Collection<LocalSession> sessions(String domain) {
		return this.sessions.entrySet()
			.stream()
			.filter(e -> e.getKey().domain().equals(domain))
			.flatMap(e -> e.getValue().values().stream())
			.toList();
	}

	@Override
	public int count() {
		return this.sessions.values().stream().mapToInt(Map::size).sum();
	}

}
