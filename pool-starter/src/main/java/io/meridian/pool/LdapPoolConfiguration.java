package io.meridian.pool;

import org.springframework.context.annotation.Configuration;

/** ldap pools. */
@Configuration(proxyBeanMethods = false)
class LdapPoolConfiguration {

}
