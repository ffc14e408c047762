package io.meridian.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.meridian.gateway.accounts.Accounts;
import io.meridian.gateway.admin.AccountAdminService;
import io.meridian.gateway.admin.AdminSupport;
import io.meridian.gateway.admin.RosterAdminService;
import io.meridian.gateway.admin.SessionAdminService;
import io.meridian.gateway.admin.StanzaAdminService;
import io.meridian.gateway.domain.HostedDomains;
import io.meridian.gateway.routing.OfflineStorage;
import io.meridian.gateway.modules.roster.RosterChanges;
import io.meridian.gateway.modules.roster.RosterStore;
import io.meridian.gateway.routing.Router;
import io.meridian.gateway.routing.SessionRegistry;
import io.meridian.gateway.transport.C2sProperties;
import io.meridian.service.NodeProperties;

/** The admin gRPC services admin-api calls; Spring gRPC serves every such bean on its port. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

	@Bean
	AdminSupport adminSupport(HostedDomains domains, SessionRegistry sessions) {
		return new AdminSupport(domains, sessions);
	}

	@Bean
	AccountAdminService accountAdminService(Accounts accounts, AdminSupport support) {
		return new AccountAdminService(accounts, support);
	}

	@Bean
	SessionAdminService sessionAdminService(SessionRegistry sessions, NodeProperties node, AdminSupport support) {
		return new SessionAdminService(sessions, node.name(), support);
	}

	@Bean
	StanzaAdminService stanzaAdminService(Accounts accounts, Router router, OfflineStorage offline, C2sProperties c2s, AdminSupport support) {
		return new StanzaAdminService(accounts, router, offline, c2s.streamLimits(), support);
	}

	@Bean
	RosterAdminService rosterAdminService(Accounts accounts, RosterStore store, RosterChanges changes, AdminSupport support) {
		return new RosterAdminService(accounts, store, changes, support);
	}

}
