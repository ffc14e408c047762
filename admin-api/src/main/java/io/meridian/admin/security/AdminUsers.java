package io.meridian.admin.security;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import io.meridian.admin.AdminProperties;
import io.meridian.domains.api.DomainNames;
import io.meridian.domains.api.InvalidDomainNameException;

/**
 * The operators of {@code meridian.admin.users}, checked once at start: a configuration that
 * would let someone in by mistake (no hash scheme, an unknown role) stops the service.
 */
public class AdminUsers implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(AdminUsers.class);

	static final String BCRYPT = "{bcrypt}";

	static final String NOOP = "{noop}";

	private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	private final Map<String, Entry> users = new LinkedHashMap<>();

	public AdminUsers(List<AdminProperties.User> configured) {
		if (configured.isEmpty()) {
			throw new IllegalStateException("meridian.admin.users is empty: nobody could use admin-api. Configure at least one "
					+ "user with name, password ({bcrypt}...) and role (admin or readonly)");
		}
		for (int i = 0; i < configured.size(); i++) {
			AdminProperties.User user = configured.get(i);
			String key = "meridian.admin.users[" + i + "]";
			if (user.name() == null || user.name().isBlank()) {
				throw new IllegalStateException(key + ".name is missing");
			}
			String where = key + " (" + user.name() + ")";
			if (this.users.containsKey(user.name())) {
				throw new IllegalStateException(where + ": the name is given twice");
			}
			this.users.put(user.name(), new Entry(password(where, user.password()), role(where, user.role()), domains(where, user.domains())));
		}
		log.info("admin-api users: {}", this.users.entrySet()
			.stream()
			.map(e -> e.getKey() + " (" + e.getValue().role().name().toLowerCase(Locale.ROOT)
					+ (e.getValue().domains().isEmpty() ? "" : ", domains " + String.join(",", e.getValue().domains())) + ")")
			.toList());
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Entry entry = this.users.get(username);
		if (entry == null) {
			throw new UsernameNotFoundException("no admin-api user " + username);
		}
		// A fresh object each time: Spring Security erases the password of the one it is given.
		return new AdminUser(username, entry.password(), entry.role(), entry.domains());
	}

	private static String password(String where, String password) {
		if (password == null || password.isEmpty()) {
			throw new IllegalStateException(where + ".password is missing");
		}
		if (password.startsWith(BCRYPT)) {
			if (!BCRYPT_HASH.matcher(password.substring(BCRYPT.length())).matches()) {
				throw new IllegalStateException(where + ".password is not a bcrypt hash after {bcrypt}");
			}
			return password;
		}
		if (password.startsWith(NOOP)) {
			log.warn("{} has a {noop} password, kept in clear text: use a {bcrypt} hash outside development", where);
			return password;
		}
		throw new IllegalStateException(where + ".password must be a {bcrypt}$2a$... hash (or {noop}... for development); "
				+ "htpasswd -bnBC 10 \"\" 'secret' | tr -d ':\\n' prints one");
	}

	private static AdminUser.Role role(String where, String role) {
		if (role != null) {
			for (AdminUser.Role known : AdminUser.Role.values()) {
				if (known.name().equalsIgnoreCase(role.trim())) {
					return known;
				}
			}
		}
		throw new IllegalStateException(where + ".role must be admin or readonly, was '" + role + "'");
	}

	private static Set<String> domains(String where, List<String> domains) {
		Set<String> canonical = new HashSet<>();
		for (String domain : domains) {
			try {
				canonical.add(DomainNames.canonical(domain.trim()));
			}
			catch (InvalidDomainNameException ex) {
				throw new IllegalStateException(where + ".domains: " + ex.getMessage());
			}
		}
		return canonical;
	}

	private record Entry(String password, AdminUser.Role role, Set<String> domains) {
	}

}
