package dev.telec.migrate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of the hexagon, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static final JavaClasses TELEC = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.telec");

    @Test
    void domainDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.telec.migrate.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.telec.migrate.domain..", "java..")
                .check(TELEC);
    }

    @Test
    void applicationDependsOnTheDomainAndTheJdkOnly() {
        classes().that().resideInAnyPackage("dev.telec.migrate.application..", "dev.telec.migrate.spi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.telec.migrate.application..", "dev.telec.migrate.spi..", "dev.telec.migrate.domain..", "java..")
                .check(TELEC);
    }

    @Test
    void nothingButTheCommandLineKnowsGuiceOrPicocli() {
        noClasses().that().resideOutsideOfPackages("dev.telec.migrate.adapter.in..", "dev.telec.migrate")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "picocli..", "jakarta.inject..")
                .check(TELEC);
    }

    @Test
    void bundledStepsUseOnlyTheStepContractAndTheKit() {
        noClasses().that().resideInAPackage("dev.telec.migrations..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.telec.migrate.application..", "dev.telec.migrate.adapter..", "dev.telec.migrate.domain..")
                .check(TELEC);
    }
}
