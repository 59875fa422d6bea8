package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.compare.ComparedLine;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.compare.ComparePage;
import io.harbormaster.views.compare.CompareViewModel;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shell.ShellViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compare across environments against the sandbox: alice in prod (MFA) picks api-green, compares it with stage, and
 * sees the sandbox's known differences — the release candidate's image tag in stage — highlighted, each side's column
 * saying how old it is; Refresh reads stage again.
 */
class CompareJourneyTest {

    @TempDir
    static Path home;

    private static AppHarness harness;

    @BeforeAll
    static void startApp() throws Exception {
        harness = AppHarness.start(home, "--sandbox", "--latency-ms=0");
        FleetJourneys.enterProd(harness);
    }

    @AfterAll
    static void stopApp() throws Exception {
        harness.close();
    }

    private static ShellViewModel shell() {
        return harness.app.window().viewModel();
    }

    @Test
    void apiGreenInProdBesideStageShowsTheReleaseCandidatesImageHighlighted() throws Exception {
        harness.robot.clickOn("#nav-services");
        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        harness.waitUntil("prod's fleet is loaded", () -> shell().fleet().stateProperty().get()
                == FleetViewModel.State.LOADED && !services.rows().isEmpty());
        FleetJourneys.filterAndSelect(harness, "api-green");
        harness.waitUntil("its detail shows", () -> services.detailProperty().get() != null
                && services.detailProperty().get().service().name().equals("api-green"));
        harness.robot.clickOn("#service-detail-compare");

        CompareViewModel compare = shell().page(ComparePage.class).viewModel();
        harness.waitUntil("the Compare page shows api-green", () -> shell().pageProperty().get().equals(ComparePage.ID)
                && "api-green".equals(compare.serviceNameProperty().get()));
        assertThat(compare.otherChoices()).extracting(Environment::id).doesNotContain("sandbox-prod");
        Environment stage = compare.otherChoices().stream().filter(e -> e.id().equals("sandbox-stage")).findFirst()
                .orElseThrow();
        ComboBox<Environment> other = harness.lookup("#compare-env");
        harness.robot.interact(() -> other.getSelectionModel().select(stage));
        try {
            harness.waitUntil("stage is entered or asks its MFA code", () -> !compare.lines().isEmpty()
                    || harness.exists("#mfa-code"));
        } catch (AssertionError e) {
            harness.screenshot("compare-00-stuck");
            throw new AssertionError(e.getMessage() + "; compare says: " + compare.messageProperty().get()
                    + ", busy " + compare.busyProperty().get() + ", other " + compare.otherProperty().get(), e);
        }
        if (harness.exists("#mfa-code")) {
            FleetJourneys.answerMfa(harness);
        }
        harness.waitUntil("the comparison is made", () -> !compare.lines().isEmpty());

        List<ComparedLine> images = compare.lines().stream().filter(l -> l.label().equals("Image")).toList();
        assertThat(images).isNotEmpty();
        ComparedLine image = images.get(0);
        assertThat(image.differs()).isTrue();
        assertThat(image.left()).endsWith(":1.43.0");
        assertThat(image.right()).endsWith(":1.44.0-rc.1");
        assertThat(compare.lines().stream().filter(l -> l.label().equals("ENV")).findFirst().orElseThrow().differs())
                .isTrue();

        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> imageRow = harness.robot.lookup(".table-row-cell").queryAll().stream()
                .map(n -> (TableRow<?>) n).filter(r -> r.getItem() == image).findFirst().orElseThrow();
        assertThat(imageRow.getStyleClass()).contains("hm-differs");

        // Each side says how old it is, in its column heading.
        javafx.scene.control.TableView<ComparedLine> table = harness.lookup("#compare-table");
        assertThat(table.getColumns().get(2).getText()).matches("prod · as of \\d\\d:\\d\\d:\\d\\d");
        assertThat(table.getColumns().get(3).getText()).matches("stage · as of \\d\\d:\\d\\d:\\d\\d");
        assertThat(compare.leftAsOfProperty().get()).isNotNull();
        assertThat(compare.stalenessProperty().get()).isEmpty();
        harness.screenshot("compare-01-api-green-prod-beside-stage");

        // Refresh reads stage again (incrementally) and compares again: its "as of" moves on, the differences stay.
        java.time.Instant stageBefore = compare.rightAsOfProperty().get();
        assertThat(stageBefore).isNotNull();
        harness.robot.clickOn("#compare-refresh");
        harness.waitUntil("stage is read again", () -> !compare.busyProperty().get()
                && compare.rightAsOfProperty().get().isAfter(stageBefore));
        assertThat(compare.lines().stream().filter(l -> l.label().equals("Image")).findFirst().orElseThrow().right())
                .endsWith(":1.44.0-rc.1");
        assertThat(compare.lines().stream().filter(l -> l.label().equals("Image")).findFirst().orElseThrow().differs())
                .isTrue();

        // The sandbox's other stage/prod differences, each compared through the page with stage's fleet kept.
        assertDiffers(compare, "app-search", "memory", "4096", "3072");
        assertDiffers(compare, "redshift-loader", "memory", "70000", "24576");
        compareThroughThePage(compare, "app-web");
        for (String name : List.of("FEATURE_FLAGS", "ENV", "LOG_LEVEL", "DB_HOST")) {
            assertThat(compare.lines().stream().filter(l -> l.label().equals(name)).anyMatch(ComparedLine::differs))
                    .as("app-web's " + name + " differs between prod and stage").isTrue();
        }
        harness.screenshot("compare-02-app-web-prod-beside-stage");
    }

    private static void compareThroughThePage(CompareViewModel compare, String service) {
        javafx.scene.control.TextField field = harness.lookup("#compare-service");
        harness.robot.interact(() -> field.setText(service));
        harness.robot.clickOn("#compare-go");
        harness.waitUntil(service + " is compared", () -> !compare.busyProperty().get() && !compare.lines().isEmpty()
                && service.equals(compare.serviceNameProperty().get()));
    }

    private static void assertDiffers(CompareViewModel compare, String service, String labelPart, String prod,
            String stage) {
        compareThroughThePage(compare, service);
        assertThat(compare.lines().stream().filter(l -> l.label().toLowerCase().contains(labelPart) && l.differs()))
                .as(service + "'s " + labelPart + " lines that differ")
                .anyMatch(l -> l.left().equals(prod) && l.right().equals(stage));
    }
}
