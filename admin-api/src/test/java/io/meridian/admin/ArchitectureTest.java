package io.meridian.admin;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** web → backend (the services' clients) and security; neither of those knows about the web layer or each other. */
class ArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.meridian.admin");

	@Test
	void layersDependOneWay() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Web").definedBy("io.meridian.admin.web..")
			.layer("Backend").definedBy("io.meridian.admin.backend..")
			.layer("Security").definedBy("io.meridian.admin.security..")
			.whereLayer("Web").mayNotBeAccessedByAnyLayer()
			.whereLayer("Backend").mayOnlyBeAccessedByLayers("Web")
			.whereLayer("Security").mayOnlyBeAccessedByLayers("Web")
			.check(this.classes);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.meridian.admin.(*)..").should().beFreeOfCycles().check(this.classes);
	}

}
