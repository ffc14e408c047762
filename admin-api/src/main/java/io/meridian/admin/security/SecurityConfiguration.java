package io.meridian.admin.security;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import io.meridian.admin.AdminProperties;

/**
 * HTTP Basic for every path but the probes; {@code admin} may write, {@code readonly} may only
 * GET; no sessions, no CSRF tokens (nothing is kept between requests). Refusals are answered
 * by the API's own error handler, so they look like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger audit = LoggerFactory.getLogger(AuditFilter.LOGGER);

	static final String REALM = "meridian";

	@Bean
	SecurityFilterChain adminApiSecurity(HttpSecurity http,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) throws Exception {
		AuthenticationEntryPoint unauthenticated = (request, response, ex) -> errors.resolveException(request, response, null, ex);
		AccessDeniedHandler denied = (request, response, ex) -> errors.resolveException(request, response, null, ex);
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
				.requestMatchers(HttpMethod.GET).hasAnyRole(AdminUser.Role.ADMIN.name(), AdminUser.Role.READONLY.name())
				.requestMatchers(HttpMethod.HEAD).hasAnyRole(AdminUser.Role.ADMIN.name(), AdminUser.Role.READONLY.name())
				.anyRequest().hasRole(AdminUser.Role.ADMIN.name()))
			.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.addFilterAfter(new AuditFilter(), BasicAuthenticationFilter.class)
			.build();
	}

	@Bean
	AdminUsers adminUsers(AdminProperties properties) {
		return new AdminUsers(properties.users());
	}

	/** {@code {bcrypt}} hashes, and {@code {noop}} for development (warned about at start). */
	@Bean
	@SuppressWarnings("deprecation")
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(), "noop", NoOpPasswordEncoder.getInstance()));
	}

	@Bean
	AuthenticationFailureAudit authenticationFailureAudit() {
		return new AuthenticationFailureAudit();
	}

	/** Failed logins on the audit log: a write with a wrong password never reaches {@link AuditFilter}. */
	static class AuthenticationFailureAudit {

		@EventListener
		void failed(AbstractAuthenticationFailureEvent event) {
			Object details = event.getAuthentication().getDetails();
			String remote = (details instanceof WebAuthenticationDetails web) ? web.getRemoteAddress() : "unknown";
			audit.warn("user={} action=login status=401 outcome=refused error=\"{}\" remote={}",
					AuditFilter.clean(event.getAuthentication().getName()), AuditFilter.clean(event.getException().getMessage()), remote);
		}

	}

}
