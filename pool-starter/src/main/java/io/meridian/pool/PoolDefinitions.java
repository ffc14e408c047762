package io.meridian.pool;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Binds {@code meridian.outgoing-pools} entry by entry, each {@code connection} block to its
 * type's record, and refuses anything wrong with the entry and key named: unknown types and
 * keys, bad values, forbidden strategy combinations, duplicate pools.
 */
final class PoolDefinitions {

	static final String PREFIX = "meridian.outgoing-pools";

	private PoolDefinitions() {
	}

	static List<PoolDefinition> bind(Binder binder, Map<PoolType, PoolClientFactory<?, ?>> factories) {
		List<OutgoingPoolsProperties.Entry> entries = bindOrFail(
				() -> binder.bind(PREFIX, Bindable.listOf(OutgoingPoolsProperties.Entry.class)).orElse(List.of()));
		List<PoolDefinition> definitions = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			PoolDefinition definition = definition(binder, i, entries.get(i), factories);
			if (!seen.add(definition.type() + "|" + definition.host() + "|" + definition.tag())) {
				throw new PoolConfigurationException(definition.describe() + " is configured twice; give one of them another 'tag'");
			}
			definitions.add(definition);
		}
		return List.copyOf(definitions);
	}

	private static PoolDefinition definition(Binder binder, int index, OutgoingPoolsProperties.Entry entry,
			Map<PoolType, PoolClientFactory<?, ?>> factories) {
		String prefix = PREFIX + "[" + index + "]";
		PoolType type;
		try {
			type = PoolType.fromConfig(entry.type());
		}
		catch (IllegalArgumentException ex) {
			throw new PoolConfigurationException(prefix + ".type: " + ex.getMessage());
		}
		PoolClientFactory<?, ?> factory = factories.get(type);
		if (factory == null) {
			throw new PoolConfigurationException(prefix + ": no client library for '" + type.configName()
					+ "' pools on the classpath; add " + type.clientLibrary());
		}
		String host = entry.host().trim().toLowerCase(Locale.ROOT);
		if (host.isEmpty()) {
			throw new PoolConfigurationException(prefix + ".host: must be 'global', 'host' or a domain");
		}
		checkKeys(raw(binder, prefix), OutgoingPoolsProperties.Entry.class, prefix);
		checkKeys(raw(binder, prefix + ".pool"), PoolOptions.class, prefix + ".pool");
		checkKeys(raw(binder, prefix + ".connection"), factory.connectionType(), prefix + ".connection");
		Object connection = bindOrFail(() -> binder.bindOrCreate(prefix + ".connection", factory.connectionType()));
		PoolDefinition definition = new PoolDefinition(index, type, host, entry.tag(), entry.required(), entry.pool(), connection);
		String rejected = factory.rejectOptions(entry.pool());
		if (rejected != null) {
			throw new PoolConfigurationException(definition.describe() + ".pool: " + rejected);
		}
		return definition;
	}

	/** Runs a binding; a failure names the property and the root cause, not a stack trace. */
	private static <T> T bindOrFail(java.util.function.Supplier<T> binding) {
		try {
			return binding.get();
		}
		catch (BindException ex) {
			Throwable root = ex;
			while (root.getCause() != null) {
				root = root.getCause();
			}
			String property = (ex.getProperty() != null) ? ex.getProperty().getName().toString() : ex.getName().toString();
			throw new PoolConfigurationException(property + ": " + root.getMessage(), ex);
		}
	}

	private static Map<String, Object> raw(Binder binder, String name) {
		return binder.bind(name, Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
	}

	/** Every key must name a component of the record (in any of Spring's relaxed forms), recursively. */
	@SuppressWarnings("unchecked")
	static void checkKeys(Map<String, Object> raw, Class<?> type, String path) {
		if (!type.isRecord()) {
			return;
		}
		Map<String, RecordComponent> components = java.util.Arrays.stream(type.getRecordComponents())
			.collect(Collectors.toMap(c -> canonical(c.getName()), c -> c));
		for (Map.Entry<String, Object> entry : raw.entrySet()) {
			String key = entry.getKey().replaceAll("\\[\\d+]$", "");
			RecordComponent component = components.get(canonical(key));
			if (component == null) {
				throw new PoolConfigurationException(path + "." + key + ": unknown key; expected one of "
						+ java.util.Arrays.stream(type.getRecordComponents()).map(c -> kebab(c.getName())).collect(Collectors.joining(", ")));
			}
			if (entry.getValue() instanceof Map<?, ?> nested && component.getType().isRecord()) {
				checkKeys((Map<String, Object>) nested, component.getType(), path + "." + kebab(component.getName()));
			}
		}
	}

	private static String canonical(String key) {
		return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
