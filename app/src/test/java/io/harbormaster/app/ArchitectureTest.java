package io.harbormaster.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.harbormaster.model.concurrent.ThreadFamily;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules, stated with their reasons. The Maven module graph already makes most of them fail to
 * compile; this test keeps them true inside a module too (e.g. JavaFX creeping into model through a transitive jar)
 * and documents why they exist.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.harbormaster");
    }

    @Test
    void modelIsPureDomain() {
        noClasses().that().resideInAPackage("io.harbormaster.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "software.amazon..", "java.sql..",
                        "org.sqlite..", "io.harbormaster.aws..", "io.harbormaster.views..", "io.harbormaster.app..",
                        "io.harbormaster.sandbox..", "com.fasterxml..")
                .because("the domain must be testable and reusable without a UI, AWS or a database")
                .check(classes);
    }

    @Test
    void viewsNeverTalkToAws() {
        noClasses().that().resideInAPackage("io.harbormaster.views..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "io.harbormaster.aws..",
                        "io.harbormaster.sandbox..", "java.sql..", "io.harbormaster.app..")
                .because("views show model snapshots and send commands through ports; AWS stays in the adapters")
                .check(classes);
    }

    @Test
    void adaptersKnowNoUi() {
        noClasses().that().resideInAPackage("io.harbormaster.aws..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.harbormaster.views..",
                        "io.harbormaster.app..", "io.harbormaster.sandbox..", "java.sql..")
                .because("adapters implement model ports and nothing else; the sandbox is only their test peer")
                .check(classes);
    }

    @Test
    void theSandboxIsTheOtherSideOfTheWire() {
        noClasses().that().resideInAPackage("io.harbormaster.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.harbormaster.model..",
                        "io.harbormaster.aws..", "io.harbormaster.views..", "io.harbormaster.app..",
                        "software.amazon..")
                .because("tests of the adapters against the sandbox only mean something if it shares no code with them")
                .check(classes);
    }

    @Test
    void everyThreadComesFromTheOneFamily() {
        noClasses().that().resideInAnyPackage("io.harbormaster.model..", "io.harbormaster.aws..",
                        "io.harbormaster.views..", "io.harbormaster.app..")
                .and().doNotBelongToAnyOf(ThreadFamily.class)
                .should().callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(Thread.class))))
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class)
                .because("threads are named, daemon, log what escapes them and are shut down on exit only when"
                        + " they come from the app's ThreadFamily")
                .check(classes);
    }
}
