package io.harbormaster.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.views.concurrent.UiThread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules, stated with their reasons. The Maven module graph already makes most of them fail to
 * compile; this test keeps them true inside a module too (e.g. JavaFX creeping into model through a transitive jar)
 * and documents why they exist.
 */
class ArchitectureTest {

    private static final String VIEWS = "io.harbormaster.views.";

    /**
     * The feature packages of views (one per page, and the tabs the Metrics page holds), and which other packages
     * of views may know each, besides app.
     */
    private static final Map<String, List<String>> FEATURES = new LinkedHashMap<>();

    static {
        FEATURES.put("clusters", List.of("split")); // the side-by-side pane shows the other environment's clusters
        FEATURES.put("services", List.of());
        FEATURES.put("allenv", List.of());
        FEATURES.put("compare", List.of());
        FEATURES.put("hosts", List.of());
        FEATURES.put("metrics", List.of("cutovers")); // the cutover live view charts the gates with its chart
        FEATURES.put("logs", List.of("metrics")); // a tab of the Metrics page
        FEATURES.put("noisemap", List.of("metrics", "cutovers")); // a tab of the Metrics page; both sides' hosts
        FEATURES.put("deploys", List.of());
        FEATURES.put("cutovers", List.of());
    }

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

    @Test
    void thePackagesOfViewsDoNotDependOnEachOtherInACircle() {
        slices().matching("io.harbormaster.views.(*)..").should().beFreeOfCycles()
                .because("a cycle makes two packages one: neither can change, move or be tested without the other,"
                        + " and shared machinery hides inside a feature")
                .check(classes);
    }

    @Test
    void onlyTheAppKnowsTheFeatures() {
        List<ArchRule> rules = new ArrayList<>();
        FEATURES.forEach((feature, allowed) -> {
            List<String> outside = new ArrayList<>(List.of(VIEWS + feature + "..", "io.harbormaster.app.."));
            allowed.forEach(known -> outside.add(VIEWS + known + ".."));
            rules.add(noClasses().that().resideOutsideOfPackages(outside.toArray(String[]::new))
                    .should().dependOnClassesThat().resideInAPackage(VIEWS + feature + "..")
                    .allowEmptyShould(true));
        });
        CompositeArchRule.of(rules)
                .because("a page is one feature package registered by one line in app (Pages): the shell and the"
                        + " other pages reach it only through the page contract, so it can be added, changed or"
                        + " removed without touching them")
                .check(classes);
    }

    @Test
    void noViewModelHoldsANodeASceneOrAWindow() {
        fields().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("ViewModel")
                .should().notHaveRawType(assignableTo(Node.class).or(assignableTo(Scene.class))
                        .or(assignableTo(Window.class)))
                .because("a view-model is state the view binds to: tested without a screen, and never keeping a"
                        + " closed window alive")
                .check(classes);
    }

    @Test
    void onlyTheUiThreadBridgeCallsRunLater() {
        noClasses().that().doNotHaveFullyQualifiedName(UiThread.class.getName())
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .because("one bridge onto the UI thread (UiThread) is one place to see, test and change how work"
                        + " gets there")
                .check(classes);
    }

    @Test
    void nothingWritesToStandardOutOrErr() {
        noClasses().that().doNotHaveFullyQualifiedName("io.harbormaster.sandbox.SandboxMain")
                .and().doNotHaveFullyQualifiedName("io.harbormaster.app.Launcher")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("what is printed is lost in a desktop app: it goes to the log, where an operator can find"
                        + " and send it (the sandbox's command line prints its usage, which is its interface, and"
                        + " the launcher its --help and --version, before any window)")
                .check(classes);
    }

    @Test
    void theConsoleLogsThroughSystemLogger() {
        noClasses().that().resideInAnyPackage("io.harbormaster.model..", "io.harbormaster.aws..",
                        "io.harbormaster.views..")
                .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..")
                .because("one logging API (System.Logger) in the console; only app configures the backend it"
                        + " writes to")
                .check(classes);
        noClasses().that().resideInAnyPackage("io.harbormaster.model..", "io.harbormaster.aws..",
                        "io.harbormaster.views..", "io.harbormaster.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "org.apache.logging..",
                        "org.apache.log4j..", "org.apache.commons.logging..")
                .because("one logging API (System.Logger) in the console, not a second one beside it")
                .check(classes);
    }
}
