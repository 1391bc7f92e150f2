package cn.perfledger.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md: data flows domain → projections → app and never back; the domain and the
 * projections are plain Java (no Spring, no JDBC, no Jackson databind) so that they stay testable alone.
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.perfledger");
    }

    @Test
    void domain_dependsOnNoFrameworkButAxonModelling() {
        ArchRule rule = noClasses().that().resideInAPackage("cn.perfledger.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..",
                        "com.fasterxml.jackson.databind..", "org.axonframework.spring..",
                        "org.axonframework.eventsourcing.eventstore.jdbc..")
                .because("ledger-domain holds commands, events and aggregates only (DESIGN.md)");
        rule.check(classes);
    }

    @Test
    void domain_knowsNothingOfProjectionsOrApp() {
        noClasses().that().resideInAPackage("cn.perfledger.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.perfledger.projections..", "cn.perfledger.app..")
                .check(classes);
    }

    @Test
    void projections_arePlainJava() {
        noClasses().that().resideInAPackage("cn.perfledger.projections..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..",
                        "cn.perfledger.app..")
                .because("projections are pure folds testable without Spring or a database (DESIGN.md)")
                .check(classes);
    }

    @Test
    void domain_neverReadsTheSystemClock() {
        noClasses().that().resideInAnyPackage("cn.perfledger.domain..", "cn.perfledger.projections..")
                .should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("the domain takes time from events or an injected Clock, so replays are deterministic")
                .check(classes);
    }
}
