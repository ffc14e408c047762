package io.meridian.admin.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and its one security scheme, HTTP Basic, required everywhere. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Meridian admin API",
		description = "Accounts, sessions, stanzas and dynamic domains of a Meridian deployment. Errors are RFC 9457 problem "
				+ "details with error (a stable code), message and field (the request field that is wrong).",
		version = "v1"), security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfiguration {

}
