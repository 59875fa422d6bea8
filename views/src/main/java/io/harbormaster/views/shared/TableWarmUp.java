package io.harbormaster.views.shared;

import io.harbormaster.views.lifecycle.IdleSteps;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;

/**
 * The UI thread's table code run once before the first fleet arrives, in small steps over idle pulses. On a cold JVM
 * the frame in which an environment's clusters first fill their table was 93–109 ms of UI-thread work, 24 ms in a JVM
 * warmed by earlier use: most of it the first run of cell creation, skinning and CSS in the interpreter. A throwaway
 * table styled like ours, in a scene of its own that no window shows, gets a few rows more each pulse while the
 * operator waits for the sign-in and the fleet ({@link IdleSteps}), then is dropped whole. It all happens on the UI
 * thread, since JavaFX's style maps are not safe to touch from another; {@link #stop()} ends it at once. Short
 * soak, C1-only JVM (2026-12-06): that frame 59–85 ms with it (7 runs), 117 ms without (2 runs alongside); its own
 * steps at most 23–30 ms of UI-thread CPU each.
 */
public final class TableWarmUp {

    /** Rows added per step: a step's first cells are the cold ones, so a handful per pulse. */
    private static final int ROWS_PER_STEP = 3;
    static final int STEPS = 13;
    private static final double ROW_HEIGHT = 26;

    private final IdleSteps steps;
    private StackPane root;
    private TableView<Row> table;
    private WeakReference<TableView<Row>> lastTable = new WeakReference<>(null);

    private TableWarmUp(List<String> stylesheets) {
        steps = IdleSteps.start("Table warm-up", STEPS, step -> step(step, stylesheets), this::dropAll);
    }

    /** Begins on the UI thread's next pulse; call on the UI thread once the window shows. */
    public static TableWarmUp start(List<String> stylesheets) {
        return new TableWarmUp(List.copyOf(Objects.requireNonNull(stylesheets, "stylesheets")));
    }

    /**
     * Ends it once {@code arrived} first holds something (the environment's first fleet): from then on the real
     * tables need the UI thread, and what was not warmed by then is warmed by them.
     */
    public TableWarmUp until(ObservableValue<?> arrived) {
        if (arrived.getValue() != null) {
            stop();
            return this;
        }
        arrived.addListener(new ChangeListener<Object>() {
            @Override
            public void changed(ObservableValue<?> obs, Object old, Object now) {
                if (now != null) {
                    arrived.removeListener(this);
                    stop();
                }
            }
        });
        return this;
    }

    /** Ends it now, dropping what it built; nothing happens after. */
    public void stop() {
        steps.stop();
    }

    /** Runs {@code next} on the UI thread once it has ended, by its last step or by {@link #stop()}. */
    public void whenEnded(Runnable next) {
        steps.whenEnded(next);
    }

    public boolean isDone() {
        return steps.isDone();
    }

    int steps() {
        return steps.steps();
    }

    /** The table it built last, for a test to see it let go. */
    WeakReference<TableView<Row>> lastTable() {
        return lastTable;
    }

    private void dropAll() {
        if (root != null) {
            root.getChildren().clear();
        }
        root = null;
        table = null;
    }

    private void step(int step, List<String> stylesheets) {
        if (step == 0) {
            table = new TableView<>();
            lastTable = new WeakReference<>(table);
            root = new StackPane(table);
            Scene scene = new Scene(root, 720, ROW_HEIGHT * 2);
            scene.getStylesheets().addAll(stylesheets);
        } else if (step == 1) {
            addColumns(table);
        } else if (step == 2) {
            table.getSortOrder().add(table.getColumns().get(0));
        } else {
            // The first row's cells are the coldest: alone in their step.
            int rows = table.getItems().isEmpty() ? 1 : ROWS_PER_STEP;
            for (int i = 0; i < rows; i++) {
                int n = table.getItems().size();
                table.getItems().add(new Row("cluster-" + (char) ('z' - n % 26) + n, n % 4 == 0 ? "INACTIVE" : "ACTIVE",
                        n, n * 3 % 7));
            }
            // One row of empty filler more each step too, as a fresh table shows below its last row.
            root.resize(720, ROW_HEIGHT * (step + 2 + table.getItems().size()) / 2);
        }
        root.applyCss();
        root.layout();
    }

    private static void addColumns(TableView<Row> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);
        TableColumn<Row, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().name()));
        TableColumn<Row, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().status()));
        status.setCellFactory(column -> new StatusCell<>());
        table.getColumns().add(name);
        table.getColumns().add(status);
        for (String title : List.of("Instances", "Services", "Running", "Pending")) {
            TableColumn<Row, Integer> count = new TableColumn<>();
            count.setGraphic(new Label(title));
            count.getStyleClass().add(HarbormasterStyles.NUMERIC);
            count.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(
                    title.length() % 2 == 0 ? row.getValue().count() : row.getValue().other()));
            table.getColumns().add(count);
        }
    }

    record Row(String name, String status, int count, int other) {
    }
}
