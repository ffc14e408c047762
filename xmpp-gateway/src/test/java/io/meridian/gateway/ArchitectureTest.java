package io.meridian.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The gateway's protocol layers depend one way: transport → stream → routing → stanza, with no cycles. */
class ArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.meridian.gateway");

	@Test
	void layersDependOneWay() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Application").definedBy("io.meridian.gateway")
			.layer("Transport").definedBy("io.meridian.gateway.transport..")
			.layer("Stream").definedBy("io.meridian.gateway.stream..")
			.layer("Routing").definedBy("io.meridian.gateway.routing..")
			.layer("Modules").definedBy("io.meridian.gateway.modules..")
			.layer("Domain").definedBy("io.meridian.gateway.domain..")
			.layer("Auth").definedBy("io.meridian.gateway.auth..")
			.layer("Accounts").definedBy("io.meridian.gateway.accounts..")
			.layer("Admin").definedBy("io.meridian.gateway.admin..")
			.layer("Stanza").definedBy("io.meridian.gateway.stanza..")
			.whereLayer("Application").mayNotBeAccessedByAnyLayer()
			.whereLayer("Transport").mayOnlyBeAccessedByLayers("Application")
			.whereLayer("Stream").mayOnlyBeAccessedByLayers("Application", "Transport", "Admin")
			.whereLayer("Routing").mayOnlyBeAccessedByLayers("Application", "Transport", "Stream", "Modules", "Admin")
			.whereLayer("Admin").mayOnlyBeAccessedByLayers("Application")
			.whereLayer("Modules").mayOnlyBeAccessedByLayers("Application", "Admin")
			.whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Transport", "Stream", "Routing", "Modules", "Admin")
			.whereLayer("Auth").mayOnlyBeAccessedByLayers("Application", "Stream", "Accounts", "Modules")
			.whereLayer("Accounts").mayOnlyBeAccessedByLayers("Application", "Modules", "Admin")
			.withOptionalLayers(true)
			.check(this.classes);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.meridian.gateway.(*)..").should().beFreeOfCycles().check(this.classes);
	}

}
