package io.meridian.admin.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.meridian.admin.AdminProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class AdminUsersTest {

	private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("secret");

	@Test
	void aConfiguredUserHasItsRoleAndDomains() {
		AdminUsers users = new AdminUsers(List.of(user("ops", HASH, "admin"),
				new AdminProperties.User("eu", HASH, "ReadOnly", List.of("Chat.Example.COM."))));
		AdminUser ops = (AdminUser) users.loadUserByUsername("ops");
		assertThat(ops.role()).isEqualTo(AdminUser.Role.ADMIN);
		assertThat(ops.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
		assertThat(ops.unrestricted()).isTrue();
		assertThat(ops.mayAccess("anything.example")).isTrue();

		AdminUser eu = (AdminUser) users.loadUserByUsername("eu");
		assertThat(eu.role()).isEqualTo(AdminUser.Role.READONLY);
		assertThat(eu.domains()).containsExactly("chat.example.com");
		assertThat(eu.mayAccess("CHAT.example.com")).isTrue();
		assertThat(eu.mayAccess("other.example.com")).isFalse();
		assertThat(eu.mayAccess("not a domain")).isFalse();
		assertThatThrownBy(() -> eu.requireDomain("other.example.com")).isInstanceOf(AccessDeniedException.class)
			.hasMessage("eu may only manage chat.example.com");
		assertThatThrownBy(() -> eu.requireUnrestricted("add domains")).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void eachLookupGetsItsOwnCopySoAnErasedPasswordDoesNotLockTheUserOut() {
		AdminUsers users = new AdminUsers(List.of(user("ops", HASH, "admin")));
		AdminUser first = (AdminUser) users.loadUserByUsername("ops");
		first.eraseCredentials();
		assertThat(users.loadUserByUsername("ops").getPassword()).isEqualTo(HASH);
		assertThatThrownBy(() -> users.loadUserByUsername("nobody")).isInstanceOf(UsernameNotFoundException.class);
	}

	@Test
	void aNoopPasswordIsAcceptedWithAWarning(CapturedOutput output) {
		new AdminUsers(List.of(user("dev", "{noop}dev", "admin")));
		assertThat(output).contains("meridian.admin.users[0] (dev) has a {noop} password, kept in clear text");
	}

	@Test
	void aConfigurationThatCouldLetSomeoneInByMistakeStopsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> new AdminUsers(List.of())).withMessageContaining("meridian.admin.users is empty");
		assertThatIllegalStateException().isThrownBy(() -> new AdminUsers(List.of(user("ops", "secret", "admin"))))
			.withMessageContaining("meridian.admin.users[0] (ops).password must be a {bcrypt}");
		assertThatIllegalStateException().isThrownBy(() -> new AdminUsers(List.of(user("ops", "{bcrypt}secret", "admin"))))
			.withMessageContaining("not a bcrypt hash");
		assertThatIllegalStateException().isThrownBy(() -> new AdminUsers(List.of(user("ops", HASH, "root"))))
			.withMessageContaining("role must be admin or readonly, was 'root'");
		assertThatIllegalStateException().isThrownBy(() -> new AdminUsers(List.of(user("ops", HASH, null))))
			.withMessageContaining("role must be admin or readonly");
		assertThatIllegalStateException().isThrownBy(() -> new AdminUsers(List.of(user(" ", HASH, "admin"))))
			.withMessageContaining("meridian.admin.users[0].name is missing");
		assertThatIllegalStateException().isThrownBy(() -> new AdminUsers(List.of(user("ops", HASH, "admin"), user("ops", HASH, "readonly"))))
			.withMessageContaining("meridian.admin.users[1] (ops): the name is given twice");
		assertThatIllegalStateException()
			.isThrownBy(() -> new AdminUsers(List.of(new AdminProperties.User("ops", HASH, "admin", List.of("bad..domain")))))
			.withMessageContaining("domains");
	}

	private static AdminProperties.User user(String name, String password, String role) {
		return new AdminProperties.User(name, password, role, List.of());
	}

}
