package io.meridian.domains;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The service's layers depend one way: grpc → service → store and nudge; the api module serves all of them. */
class ArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.meridian.domains");

	@Test
	void layersDependOneWay() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Application").definedBy("io.meridian.domains")
			.layer("Grpc").definedBy("io.meridian.domains.grpc..")
			.layer("Service").definedBy("io.meridian.domains.service..")
			.layer("Store").definedBy("io.meridian.domains.store..")
			.layer("Nudge").definedBy("io.meridian.domains.nudge..")
			.whereLayer("Application").mayNotBeAccessedByAnyLayer()
			.whereLayer("Grpc").mayOnlyBeAccessedByLayers("Application")
			.whereLayer("Service").mayOnlyBeAccessedByLayers("Application", "Grpc")
			.whereLayer("Store").mayOnlyBeAccessedByLayers("Application", "Service", "Grpc")
			.whereLayer("Nudge").mayOnlyBeAccessedByLayers("Application", "Service")
			.check(this.classes);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.meridian.domains.(*)..").should().beFreeOfCycles().check(this.classes);
	}

}
