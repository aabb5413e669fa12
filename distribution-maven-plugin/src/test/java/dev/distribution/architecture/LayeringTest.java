package dev.distribution.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the imports pointing one way: goals, then targets, then formats, then the core. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.distribution");
    }

    @Test
    void onlyGoalsUseMaven() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.distribution.maven..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..")
                .check(classes);
    }

    @Test
    void coreImportsNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("dev.distribution.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.distribution.maven..",
                        "dev.distribution.target..",
                        "dev.distribution.format..",
                        "dev.distribution.http..",
                        "dev.distribution.signing..",
                        "dev.distribution.version..")
                .check(classes);
    }

    @Test
    void versionImportsNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("dev.distribution.version..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.distribution.core..",
                        "dev.distribution.maven..",
                        "dev.distribution.target..",
                        "dev.distribution.format..",
                        "dev.distribution.http..",
                        "dev.distribution.signing..")
                .check(classes);
    }

    @Test
    void formatsKnowNoTargetsNorTransport() {
        noClasses()
                .that()
                .resideInAPackage("dev.distribution.format..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.distribution.maven..", "dev.distribution.target..", "dev.distribution.http..")
                .check(classes);
    }

    @Test
    void targetsKnowNoGoals() {
        noClasses()
                .that()
                .resideInAPackage("dev.distribution.target..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.distribution.maven..")
                .check(classes);
    }

    @Test
    void transportAndSigningUseOnlyCore() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.distribution.http..", "dev.distribution.signing..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.distribution.maven..", "dev.distribution.target..", "dev.distribution.format..")
                .check(classes);
    }
}
