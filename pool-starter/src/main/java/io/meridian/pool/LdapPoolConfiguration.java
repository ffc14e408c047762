package io.meridian.pool;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ldap.core.LdapTemplate;

/** ldap pools: Spring LDAP's LdapTemplate over JNDI. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(LdapTemplate.class)
class LdapPoolConfiguration {

	@Bean
	PoolClientFactory<LdapTemplate, LdapConnection> ldapPoolClientFactory() {
		return new LdapPoolClientFactory();
	}

}
