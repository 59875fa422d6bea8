package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.allenv.AllEnvironmentsPage;
import io.harbormaster.views.allenv.AllEnvironmentsViewModel;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.shell.ShellViewModel;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * All environments at once against the sandbox: alice enters dev and stage, opens All environments, and gets one
 * table with both environments' services, each row tagged with its environment, problems first; each environment
 * says how old its rows are; the filter narrows by environment, image tag and attention; Load again refreshes.
 */
class AllEnvironmentsJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox());

    private static ShellViewModel shell() {
        return journey.shell();
    }

    @Test
    void devAndStageInOneTableEachRowTagged() throws Exception {
        journey.enter("sandbox-dev");
        journey.enter("sandbox-stage");
        journey.robot().clickOn("#nav-allenv");
        CheckBox dev = journey.lookup("#allenv-env-sandbox-dev");
        CheckBox stage = journey.lookup("#allenv-env-sandbox-stage");
        CheckBox prod = journey.lookup("#allenv-env-sandbox-prod");
        assertThat(dev.isSelected()).as("dev was entered this run").isTrue();
        assertThat(stage.isSelected()).as("stage was entered this run").isTrue();
        assertThat(prod.isSelected()).as("prod was not").isFalse();

        journey.robot().clickOn("#allenv-load");
        AllEnvironmentsViewModel all = shell().page(AllEnvironmentsPage.class).viewModel();
        journey.waitUntil("both environments are loaded", () -> all.loadingProperty().get() == 0
                && all.rows().stream().map(r -> r.environment().id()).distinct().count() == 2);

        // The page refreshes while it shows: each list is read whole on the UI thread, then checked.
        List<ServiceRow> rows = journey.copy(all.rows());
        Set<String> tagged = rows.stream().map(r -> r.environment().name()).collect(Collectors.toSet());
        assertThat(tagged).containsExactlyInAnyOrder("dev", "stage");
        TableView<ServiceRow> table = journey.lookup("#allenv-table");
        List<ServiceRow> shown = journey.onUi(() -> {
            assertThat(table.getItems()).hasSameSizeAs(all.rows());
            return List.copyOf(table.getItems());
        });
        assertThat(shown.get(0).attention().ordinal())
                .isLessThanOrEqualTo(shown.get(shown.size() - 1).attention().ordinal());
        assertThat(journey.onUi(() -> journey.robot().lookup("#allenv-table .hm-env-chip").queryAll())).isNotEmpty();
        // Each environment says how many services and how old they are.
        javafx.scene.control.Label devStatus = journey.lookup("#allenv-status-sandbox-dev");
        javafx.scene.control.Label stageStatus = journey.lookup("#allenv-status-sandbox-stage");
        assertThat(journey.onUi(devStatus::getText)).matches("[\\d,]+ services · as of \\d\\d:\\d\\d:\\d\\d");
        assertThat(journey.onUi(stageStatus::getText)).matches("[\\d,]+ services · as of \\d\\d:\\d\\d:\\d\\d");
        journey.screenshot("allenv-01-dev-and-stage");

        // The filter: by environment, by image tag, and needing attention only.
        long stageRows = journey.copy(all.allRows()).stream().filter(r -> r.environment().name().equals("stage"))
                .count();
        javafx.scene.control.TextField filter = journey.lookup("#allenv-filter");
        journey.robot().clickOn(filter).write("stage");
        journey.waitUntil("only stage's rows show", () -> table.getItems().size() == stageRows);
        assertThat(journey.copy(table.getItems())).allMatch(r -> r.environment().name().equals("stage"));
        javafx.scene.control.Label summary = journey.lookup("#allenv-summary");
        assertThat(journey.onUi(summary::getText))
                .startsWith(stageRows + " of " + journey.copy(all.allRows()).size() + " services");

        journey.robot().interact(() -> filter.setText("1.44.0-dev.7")); // dev's api runs it, nothing else does
        journey.waitUntil("dev's api alone shows", () -> table.getItems().size() == 1);
        ServiceRow api = journey.copy(table.getItems()).get(0);
        assertThat(api.name()).isEqualTo("api");
        assertThat(api.environment().name()).isEqualTo("dev");
        journey.screenshot("allenv-02-filtered-by-image");

        journey.robot().interact(() -> filter.setText(""));
        long attention = journey.copy(all.allRows()).stream().filter(ServiceRow::needsAttention).count();
        journey.robot().clickOn("#allenv-problems-only");
        journey.waitUntil("only those needing attention show", () -> table.getItems().size() == attention);
        assertThat(journey.copy(table.getItems())).allMatch(ServiceRow::needsAttention);
        journey.robot().clickOn("#allenv-problems-only");
        journey.waitUntil("all rows again", () -> table.getItems().size() == all.allRows().size());

        // Load again refreshes what is held (incrementally): each environment's "as of" moves on.
        java.time.Instant devBefore = choiceAsOf(all, "sandbox-dev");
        journey.robot().clickOn("#allenv-load");
        journey.waitUntil("dev is read again", () -> choiceAsOf(all, "sandbox-dev").isAfter(devBefore)
                && all.choices().stream().noneMatch(c -> c.stateProperty().get()
                        == io.harbormaster.views.allenv.EnvironmentChoice.State.REFRESHING));
        assertThat(journey.copy(all.allRows()).stream().map(r -> r.environment().id()).distinct()).hasSize(2);
        assertThat(all.polling()).as("refreshing while the page shows").isTrue();
        journey.robot().clickOn("#nav-clusters");
        journey.waitUntil("a hidden page polls nothing", () -> !all.polling());
    }

    private static java.time.Instant choiceAsOf(AllEnvironmentsViewModel all, String id) {
        return all.choices().stream().filter(c -> c.environment().id().equals(id)).findFirst().orElseThrow()
                .asOfProperty().get();
    }
}
