package io.harbormaster.views.shared.services;

import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.fleet.TableSelection;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.ColumnWidths;
import io.harbormaster.views.shared.CellTooltip;
import io.harbormaster.views.shared.CsvSaving;
import io.harbormaster.views.shared.RowsAfterFirstFrame;
import io.harbormaster.views.text.DateText;
import io.harbormaster.views.theme.HarbormasterStyles;
import io.harbormaster.views.shared.Headings;
import io.harbormaster.views.shared.TableCsv;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The services table, for one environment or for all of them (with an environment column). Cells only read the
 * precomputed {@link ServiceRow}: nothing is worked out while scrolling. With no column sorted, the rows keep
 * their problems-first order.
 */
public final class ServicesTable {

    /** The "(service name) " ECS starts each of its events with. */
    private static final Pattern REASON_SERVICE = Pattern.compile("^\\(service [^)]+\\) ");
    /**
     * Why is never narrower than a reason this long ("Deployment in progress", "1000 of 1000 running"); an ECS event
     * is longer, cut, whole on hover.
     */
    private static final int SHORT_REASON = 24;

    private ServicesTable() {
    }

    /** @param saving how "Save as CSV…" saves the rows shown */
    public static TableView<ServiceRow> create(String id, ObservableList<ServiceRow> rows, boolean withEnvironment,
            CsvSaving saving) {
        TableView<ServiceRow> table = new TableView<>();
        table.setId(id);
        SortedList<ServiceRow> sorted = new SortedList<>(RowsAfterFirstFrame.of(table, rows));
        sorted.comparatorProperty().bind(table.comparatorProperty());
        TableSelection.keepSelectedAcrossChanges(table, sorted, ServiceRow::arn);
        // The reason, last, takes what the other columns leave; they keep their headings whole (minimum widths),
        // so at 1280 px nothing scrolls sideways and the name stays in view at the left.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(26);
        table.setRowFactory(t -> new FreshnessRow());

        if (withEnvironment) {
            TableColumn<ServiceRow, String> env = column("Environment", "env", 110, r -> r.environment().name());
            env.setCellFactory(c -> new EnvironmentCell());
            table.getColumns().add(env);
        }
        table.getColumns().add(column("Service", "name", 170, ServiceRow::name));
        TableColumn<ServiceRow, String> attention = column("State", "state", 110, ServiceRow::attentionText);
        attention.setCellFactory(c -> new AttentionCell());
        attention.setSortable(false);
        table.getColumns().add(attention);
        table.getColumns().add(column("Cluster", "cluster", 100, ServiceRow::cluster));
        table.getColumns().add(tasks());
        table.getColumns().add(number("Revision", "revision", ServiceRow::revision));
        table.getColumns().add(column("Image tag", "images", 110, ServiceRow::imageTags));
        TableColumn<ServiceRow, Instant> last = new TableColumn<>("Last event");
        last.setId("last-event");
        last.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().lastEvent()));
        last.setCellFactory(c -> new TableCell<>() {
            /** One a cell, made on the first hover: one for every row made the first rows' frame a tenth longer. */
            private final CellTooltip when = new CellTooltip(this);

            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                // How recent, at a glance; the date with its year on hover.
                if (empty || item == null) {
                    setText(null);
                    when.show(null);
                    return;
                }
                setText(DateText.age(item, Instant.now()));
                when.show(() -> DateText.dateAndAge(item, Instant.now(), ZoneId.systemDefault()));
            }
        });
        Headings.keepWhole(last, 120);
        table.getColumns().add(last);
        TableColumn<ServiceRow, String> reason = column("Why", "reason", 240, ServiceRow::reason);
        reason.setCellFactory(c -> new ReasonCell());
        table.getColumns().add(reason);
        for (TableColumn<ServiceRow, ?> c : table.getColumns()) {
            c.setId(id + "-col-" + c.getId());
        }
        fitToRows(table, withEnvironment);
        TableCsv.offerCopy(table, saving, withEnvironment ? "services-all-environments" : "services");
        return table;
    }

    /**
     * Every column but Why as wide as its widest value ("400 / 400", "Unplaceable" in bold, "warehouses"), so none is
     * cut: Why takes what they leave. Too narrow for them all, the least needed go.
     */
    private static void fitToRows(TableView<ServiceRow> table, boolean withEnvironment) {
        List<TableColumn<ServiceRow, ?>> columns = table.getColumns();
        int first = withEnvironment ? 1 : 0;
        if (withEnvironment) {
            // the chip's name is smaller but bold, and padded: two spaces' worth
            ColumnWidths.fitRows(table, columns.get(0), r -> "  " + r.environment().name(), true);
        }
        ColumnWidths.fitRows(table, columns.get(first), ServiceRow::name);
        ColumnWidths.fitRows(table, columns.get(first + 1), ServiceRow::attentionText, true);
        ColumnWidths.fitRows(table, columns.get(first + 2), ServiceRow::cluster);
        ColumnWidths.fitRows(table, columns.get(first + 3), ServicesTable::tasksText);
        ColumnWidths.fitRows(table, columns.get(first + 4), r -> r.described() ? Integer.toString(r.revision()) : "");
        ColumnWidths.fitRows(table, columns.get(first + 5), ServiceRow::imageTags);
        ColumnWidths.fit(columns.get(first + 6), DateText.WIDEST_AGES);
        // Why takes what is left, but no less than a short reason whole
        ColumnWidths.fitRows(table, columns.get(first + 7), r -> shownReason(r.reason()), false, SHORT_REASON);
        // In half a window (side by side) the name, its state and why stay; revision and image go first, the tasks
        // last (the state says whether they fall short; the detail has the counts).
        ColumnPriority.dropToFit(table, List.of(columns.get(first + 4), columns.get(first + 5),
                columns.get(first + 2), columns.get(first + 6), columns.get(first + 3)));
    }

    private static TableColumn<ServiceRow, String> column(String title, String id, double width,
            Function<ServiceRow, String> value) {
        TableColumn<ServiceRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        Headings.keepWhole(column, width);
        return column;
    }

    /** "4 / 5" running of desired, "+1" for the pending; sorted by how far below desired, then by desired. */
    private static TableColumn<ServiceRow, ServiceRow> tasks() {
        TableColumn<ServiceRow, ServiceRow> column = new TableColumn<>("Tasks");
        column.setId("tasks");
        column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ServiceRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : tasksText(item));
            }
        });
        column.setComparator(java.util.Comparator.comparingInt((ServiceRow r) -> r.running() - r.desired())
                .thenComparingInt(ServiceRow::desired));
        column.getStyleClass().add(io.harbormaster.views.theme.HarbormasterStyles.NUMERIC);
        TableCsv.textOf(column, ServicesTable::tasksText);
        Headings.keepWhole(column, 100);
        return column;
    }

    /** "4 / 5 +1": running of desired, and the pending when there are any; blank while being described. */
    static String tasksText(ServiceRow row) {
        if (!row.described()) {
            return "";
        }
        String text = row.running() + " / " + row.desired();
        return row.pending() > 0 ? text + " +" + row.pending() : text;
    }

    private static TableColumn<ServiceRow, Integer> number(String title, String id, Function<ServiceRow, Integer> value) {
        TableColumn<ServiceRow, Integer> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().described()
                ? value.apply(r.getValue()) : null));
        column.getStyleClass().add(io.harbormaster.views.theme.HarbormasterStyles.NUMERIC);
        Headings.keepWhole(column, 0);
        return column;
    }

    /** Rows still being described, or showing values from before the running load, read muted. */
    private static final class FreshnessRow extends TableRow<ServiceRow> {
        @Override
        protected void updateItem(ServiceRow item, boolean empty) {
            super.updateItem(item, empty);
            ServiceRow.Freshness freshness = empty || item == null ? null : item.freshness();
            pseudoClassStateChanged(HarbormasterStyles.DESCRIBING, freshness == ServiceRow.Freshness.DESCRIBING);
            pseudoClassStateChanged(HarbormasterStyles.EARLIER, freshness == ServiceRow.Freshness.EARLIER);
        }
    }

    /** Problems read in red; steady ones quietly. */
    private static final class AttentionCell extends TableCell<ServiceRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            ServiceRow row = empty ? null : getTableRow().getItem();
            pseudoClassStateChanged(HarbormasterStyles.ATTENTION, row != null && row.needsAttention());
            setText(row == null ? null : item);
        }
    }

    private static final class ReasonCell extends TableCell<ServiceRow, String> {
        /** Made on the first hover: a popup window for each row with a reason weighed on the frame the rows came in. */
        private final CellTooltip whole = new CellTooltip(this);

        ReasonCell() {
            getStyleClass().add(FleetStyles.ATTENTION_REASON); // red whenever it says anything
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean shown = !empty && item != null && !item.isEmpty();
            if (!shown) {
                setText(null);
                whole.show(null);
                return;
            }
            setText(shownReason(item));
            whole.show(() -> item);
        }
    }

    /** ECS starts each event with "(service name)"; the row already says which service. */
    private static String shownReason(String reason) {
        return REASON_SERVICE.matcher(reason).replaceFirst("");
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
