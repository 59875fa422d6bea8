package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.compare.ComparePage;
import io.harbormaster.model.compare.ComparedLine;
import io.harbormaster.model.fleet.SecretNames;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.compare.CompareViewModel;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shell.ShellViewModel;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compare across environments against the sandbox: alice in prod (MFA) picks api-green, compares it with stage, and
 * sees the sandbox's known differences — the release candidate's image tag in stage — highlighted, each side's column
 * saying how old it is; Refresh reads stage again.
 */
class CompareJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-prod"));

    private static ShellViewModel shell() {
        return journey.shell();
    }

    @Test
    void apiGreenInProdBesideStageShowsTheReleaseCandidatesImageHighlighted() throws Exception {
        journey.robot().clickOn("#nav-services");
        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        journey.awaitFleetLoaded();
        journey.filterAndSelect("api-green");
        journey.waitUntil("its detail shows", () -> services.detailProperty().get() != null
                && services.detailProperty().get().service().name().equals("api-green"));
        journey.robot().clickOn("#service-detail-compare");

        CompareViewModel compare = shell().page(ComparePage.class).viewModel();
        journey.waitUntil("the Compare page shows api-green", () -> shell().pageProperty().get().equals(ComparePage.ID)
                && "api-green".equals(compare.serviceNameProperty().get()));
        assertThat(journey.copy(compare.otherChoices())).extracting(Environment::id).doesNotContain("sandbox-prod");
        Environment stage = journey.copy(compare.otherChoices()).stream().filter(e -> e.id().equals("sandbox-stage"))
                .findFirst().orElseThrow();
        ComboBox<Environment> other = journey.lookup("#compare-env");
        journey.robot().interact(() -> other.getSelectionModel().select(stage));
        try {
            journey.waitUntil("stage is entered or asks its MFA code", () -> !compare.lines().isEmpty()
                    || journey.exists("#mfa-code"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; compare says: " + compare.messageProperty().get()
                    + ", busy " + compare.busyProperty().get() + ", other " + compare.otherProperty().get(), e);
        }
        if (journey.exists("#mfa-code")) {
            journey.answerMfa();
        }
        journey.waitUntil("the comparison is made", () -> !compare.lines().isEmpty());

        List<ComparedLine> images = lines(compare).stream().filter(l -> l.label().equals("Image")).toList();
        assertThat(images).isNotEmpty();
        ComparedLine image = images.get(0);
        assertThat(image.differs()).isTrue();
        assertThat(image.left()).endsWith(":1.43.0");
        assertThat(image.right()).endsWith(":1.44.0-rc.1");
        assertThat(lines(compare).stream().filter(l -> l.label().equals("ENV")).findFirst().orElseThrow().differs())
                .isTrue();

        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> imageRow = journey.onUi(() -> journey.robot().lookup(".table-row-cell").queryAll().stream()
                .map(n -> (TableRow<?>) n).filter(r -> r.getItem() == image).findFirst().orElseThrow());
        assertThat(journey.copy(imageRow.getStyleClass())).contains("hm-differs");

        // Each side says how old it is, in its column heading.
        javafx.scene.control.TableView<ComparedLine> table = journey.lookup("#compare-table");
        assertThat(journey.onUi(() -> table.getColumns().get(2).getText()))
                .matches("prod · as of \\d\\d:\\d\\d:\\d\\d");
        assertThat(journey.onUi(() -> table.getColumns().get(3).getText()))
                .matches("stage · as of \\d\\d:\\d\\d:\\d\\d");
        assertThat(compare.leftAsOfProperty().get()).isNotNull();
        assertThat(compare.stalenessProperty().get()).isEmpty();
        journey.screenshot("compare-01-api-green-prod-beside-stage");

        // Refresh reads stage again (incrementally) and compares again: its "as of" moves on, the differences stay.
        java.time.Instant stageBefore = compare.rightAsOfProperty().get();
        assertThat(stageBefore).isNotNull();
        journey.robot().clickOn("#compare-refresh");
        journey.waitUntil("stage is read again", () -> !compare.busyProperty().get()
                && compare.rightAsOfProperty().get().isAfter(stageBefore));
        assertThat(lines(compare).stream().filter(l -> l.label().equals("Image")).findFirst().orElseThrow().right())
                .endsWith(":1.44.0-rc.1");
        assertThat(lines(compare).stream().filter(l -> l.label().equals("Image")).findFirst().orElseThrow().differs())
                .isTrue();

        // The sandbox's other stage/prod differences, each compared through the page with stage's fleet kept.
        assertDiffers(compare, "app-search", "memory", "4096", "3072");
        assertDiffers(compare, "redshift-loader", "memory", "70000", "24576");
        compareThroughThePage(compare, "app-web");
        for (String name : List.of("FEATURE_FLAGS", "ENV", "LOG_LEVEL", "DB_HOST")) {
            assertThat(lines(compare).stream().filter(l -> l.label().equals(name)).anyMatch(ComparedLine::differs))
                    .as("app-web's " + name + " differs between prod and stage").isTrue();
        }
        // Each environment's own password: both sides dots, and the verdict column (not the dots) says they differ.
        ComparedLine password = lines(compare).stream().filter(l -> l.label().equals("DB_PASSWORD")).findFirst()
                .orElseThrow();
        assertThat(password).extracting(ComparedLine::left, ComparedLine::right, ComparedLine::verdict)
                .containsExactly(SecretNames.MASK, SecretNames.MASK, ComparedLine.HIDDEN_DIFFER);
        assertThat(lines(compare)).filteredOn(l -> !l.hidden()).allSatisfy(l -> assertThat(l.verdict()).isEmpty());
        journey.screenshot("compare-02-app-web-prod-beside-stage");
    }

    /** The comparison's lines as the UI thread has them: a refresh replaces them there. */
    private static List<ComparedLine> lines(CompareViewModel compare) {
        return journey.copy(compare.lines());
    }

    private static void compareThroughThePage(CompareViewModel compare, String service) {
        javafx.scene.control.TextField field = journey.lookup("#compare-service");
        journey.robot().interact(() -> field.setText(service));
        journey.robot().clickOn("#compare-go");
        journey.waitUntil(service + " is compared", () -> !compare.busyProperty().get() && !compare.lines().isEmpty()
                && service.equals(compare.serviceNameProperty().get()));
    }

    private static void assertDiffers(CompareViewModel compare, String service, String labelPart, String prod,
            String stage) {
        compareThroughThePage(compare, service);
        assertThat(lines(compare).stream().filter(l -> l.label().toLowerCase().contains(labelPart) && l.differs()))
                .as(service + "'s " + labelPart + " lines that differ")
                .anyMatch(l -> l.left().equals(prod) && l.right().equals(stage));
    }
}
