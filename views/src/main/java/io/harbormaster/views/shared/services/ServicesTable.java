package io.harbormaster.views.shared.services;

import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.fleet.TableSelection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The services table, for one environment or for all of them (with an environment column). Cells only read the
 * precomputed {@link ServiceRow}: nothing is worked out while scrolling. With no column sorted, the rows keep
 * their problems-first order.
 */
public final class ServicesTable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private ServicesTable() {
    }

    public static TableView<ServiceRow> create(String id, ObservableList<ServiceRow> rows, boolean withEnvironment) {
        TableView<ServiceRow> table = new TableView<>();
        table.setId(id);
        SortedList<ServiceRow> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        TableSelection.keepSelectedAcrossChanges(table, sorted, ServiceRow::arn);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setFixedCellSize(26);
        table.setRowFactory(t -> new FreshnessRow());

        if (withEnvironment) {
            TableColumn<ServiceRow, String> env = column("Environment", "env", 110, r -> r.environment().name());
            env.setCellFactory(c -> new EnvironmentCell());
            table.getColumns().add(env);
        }
        TableColumn<ServiceRow, String> attention = column("State", "state", 125, ServiceRow::attentionText);
        attention.setCellFactory(c -> new AttentionCell());
        attention.setSortable(false);
        table.getColumns().add(attention);
        table.getColumns().add(column("Service", "name", 170, ServiceRow::name));
        table.getColumns().add(column("Cluster", "cluster", 100, ServiceRow::cluster));
        table.getColumns().add(number("Desired", "desired", ServiceRow::desired));
        table.getColumns().add(number("Running", "running", ServiceRow::running));
        table.getColumns().add(number("Pending", "pending", ServiceRow::pending));
        TableColumn<ServiceRow, String> reason = column("Why", "reason", 330, ServiceRow::reason);
        reason.setCellFactory(c -> new ReasonCell());
        table.getColumns().add(reason);
        table.getColumns().add(number("Deploying", "deployments", r -> (int) r.deployments()));
        table.getColumns().add(number("Revision", "revision", ServiceRow::revision));
        table.getColumns().add(column("Image tag", "images", 130, ServiceRow::imageTags));
        TableColumn<ServiceRow, Instant> last = new TableColumn<>("Last event");
        last.setId(id + "-col-last-event");
        last.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().lastEvent()));
        last.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : WHEN.format(item));
            }
        });
        last.setPrefWidth(130);
        table.getColumns().add(last);
        for (TableColumn<ServiceRow, ?> c : table.getColumns()) {
            c.setId(id + "-col-" + c.getId());
        }
        return table;
    }

    private static TableColumn<ServiceRow, String> column(String title, String id, double width,
            Function<ServiceRow, String> value) {
        TableColumn<ServiceRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        column.setPrefWidth(Math.max(width, headerWidth(title)));
        return column;
    }

    /**
     * Wide enough for the column's heading in the theme's bold header font (about 14 px) with the cell padding and
     * the sort arrow, so no heading is cut to "Environm…".
     */
    static double headerWidth(String title) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(title);
        javafx.scene.text.Font font = javafx.scene.text.Font.getDefault();
        text.setFont(javafx.scene.text.Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD,
                Math.max(14, font.getSize())));
        return Math.ceil(text.getLayoutBounds().getWidth()) + 36;
    }

    private static TableColumn<ServiceRow, Integer> number(String title, String id, Function<ServiceRow, Integer> value) {
        TableColumn<ServiceRow, Integer> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().described()
                ? value.apply(r.getValue()) : null));
        column.getStyleClass().add(io.harbormaster.views.theme.HarbormasterStyles.NUMERIC);
        column.setPrefWidth(headerWidth(title));
        return column;
    }

    /** Rows still being described, or showing values from before the running load, read muted. */
    private static final class FreshnessRow extends TableRow<ServiceRow> {
        @Override
        protected void updateItem(ServiceRow item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(FleetStyles.ROW_DESCRIBING, FleetStyles.ROW_EARLIER);
            if (empty || item == null) {
                return;
            }
            switch (item.freshness()) {
                case DESCRIBING -> getStyleClass().add(FleetStyles.ROW_DESCRIBING);
                case EARLIER -> getStyleClass().add(FleetStyles.ROW_EARLIER);
                case CURRENT -> { }
            }
        }
    }

    /** Problems read in red; steady ones quietly. */
    private static final class AttentionCell extends TableCell<ServiceRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove(FleetStyles.ATTENTION);
            ServiceRow row = empty ? null : getTableRow().getItem();
            if (row == null) {
                setText(null);
                return;
            }
            setText(item);
            if (row.needsAttention()) {
                getStyleClass().add(FleetStyles.ATTENTION);
            }
        }
    }

    private static final class ReasonCell extends TableCell<ServiceRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove(FleetStyles.ATTENTION_REASON);
            if (empty || item == null || item.isEmpty()) {
                setText(null);
                setTooltip(null);
                return;
            }
            // ECS starts each event with "(service name)"; the row already says which service.
            setText(item.replaceFirst("^\\(service [^)]+\\) ", ""));
            setTooltip(new Tooltip(item));
            getStyleClass().add(FleetStyles.ATTENTION_REASON);
        }
    }

    /** The environment's name on its own colour. */
    private static final class EnvironmentCell extends TableCell<ServiceRow, String> {
        private final Label chip = new Label();

        EnvironmentCell() {
            chip.getStyleClass().add(FleetStyles.ENV_CHIP);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            ServiceRow row = empty ? null : getTableRow().getItem();
            if (row == null) {
                setGraphic(null);
                return;
            }
            chip.setText(row.environment().name());
            chip.setStyle("-hm-env: " + row.environment().colour() + ";");
            setGraphic(chip);
            setText(null);
        }
    }
}
