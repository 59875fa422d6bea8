package io.harbormaster.views.shared.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.ServiceAttention;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fleet.EnvironmentTag;
import io.harbormaster.views.shared.CsvSaving;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The services table of All environments with long names, clusters and image tags: Why takes what the other
 * columns leave, but a short reason ("12 tasks pending") always shows whole; an ECS event is cut, whole on
 * hover.
 */
@ExtendWith(ApplicationExtension.class)
class ServicesTableTest {

    private static final String PENDING = "12 tasks pending";
    private static final String EVENT = "(service checkout-api) was unable to place a task because no container "
            + "instance met all of its requirements.";

    /** What ColumnPriority keeps for the vertical scroll bar and the border. */
    private static final double SCROLL_BAR = 18;

    private final ObservableList<ServiceRow> rows = FXCollections.observableArrayList();
    private TableView<ServiceRow> table;

    @Start
    void start(Stage stage) {
        table = ServicesTable.create("services-table", rows, true,
                new CsvSaving(new CurrentThreadTaskExecutor(), (owner, name) -> null, message -> { }));
        // Sized by the test, not by the window: the extension's one stage is every test's
        Group root = new Group(table);
        root.setAutoSizeChildren(false);
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    @Test
    void aShortReasonShowsWholeBesideLongValuesAndAnEcsEventIsCut(FxRobot robot) throws Exception {
        EnvironmentTag prod = new EnvironmentTag("prod", "production-eu-west", "#c0392b", true);
        List<ServiceRow> made = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            made.add(row(prod, i, ServiceAttention.Level.STEADY, ""));
        }
        made.add(row(prod, 20, ServiceAttention.Level.PENDING_TASKS, PENDING));
        made.add(row(prod, 21, ServiceAttention.Level.UNPLACEABLE, EVENT));
        robot.interact(() -> {
            rows.setAll(made);
            table.resizeRelocate(0, 0, 2400, 400);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == made.size());
        WaitForAsyncUtils.waitForFxEvents();
        // As wide as every other column at its least and 90 px more: Why squeezed to 90 px, were it let
        double others = WaitForAsyncUtils.asyncFx(() -> table.getColumns().stream()
                .limit(table.getColumns().size() - 1).mapToDouble(TableColumn::getMinWidth).sum()).get();
        robot.interact(() -> {
            table.resizeRelocate(0, 0, others + 90 + SCROLL_BAR, 400);
            table.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();

        TableColumn<ServiceRow, ?> why = table.getColumns().get(table.getColumns().size() - 1);
        assertThat(why.getText()).isEqualTo("Why");
        assertThat(why.getWidth()).as("Why is wide enough for a short reason whole")
                .isGreaterThanOrEqualTo(textWidth("Deployment in progress"));
        assertThat(table.getColumns().get(1).isVisible()).as("the service's name stays").isTrue();
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(columns).as("nothing scrolls sideways").isLessThanOrEqualTo(table.getWidth());
        robot.interact(() -> table.scrollTo(made.size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(PENDING)).as("the short reason, whole").isEqualTo(PENDING);
        String event = EVENT.substring(EVENT.indexOf(") ") + 2);
        assertThat(shown(event)).as("the event without its \"(service …)\", cut").isNotEqualTo(event)
                .startsWith("was unable").endsWith("...");
    }

    /** What the Why cell with this text shows, ellipsis included. */
    private String shown(String text) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && text.equals(c.getText()))
                .map(n -> ((TableCell<?, ?>) n).lookup(".text"))
                .map(t -> ((Text) t).getText()).findFirst().orElse("(no cell)")).get();
    }

    private static double textWidth(String text) {
        return new Text(text).getLayoutBounds().getWidth();
    }

    private static ServiceRow row(EnvironmentTag env, int i, ServiceAttention.Level level, String reason) {
        return new ServiceRow(env, "arn:aws:ecs:eu-west-1:123456789012:service/c/s" + i,
                "checkout-recommendations-api-" + i, "payments-cluster-eu-west-1b", "ACTIVE", 400, 400, 0, 1, 1234,
                "checkout", "2026.12.07-build.4821-abcdef0", Instant.parse("2026-12-01T10:00:00Z"), level, reason,
                "");
    }
}
