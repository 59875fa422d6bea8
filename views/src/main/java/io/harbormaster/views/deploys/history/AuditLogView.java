package io.harbormaster.views.deploys.history;

import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.Headings;
import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The audit log: every write this console made, newest first, as the journal holds it; copies and saves as CSV. */
public final class AuditLogView extends VBox {

    /** @param environmentName an environment's display name from its id */
    public AuditLogView(HistoryViewModel viewModel, java.util.function.Function<String, String> environmentName) {
        setId("deploy-audit");
        TableView<JournalEntry> table = new TableView<>(viewModel.audit());
        table.setId("deploy-audit-table");
        javafx.scene.control.Label none = new javafx.scene.control.Label("No change made yet: each one this console"
                + " makes to AWS is listed here");
        none.setWrapText(true);
        table.setPlaceholder(none);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Widths that fit at 1280×800 beside the deploys list (the date, "INTENT" and the heading "Phase" were cut);
        // every heading whole, and in half a window (side by side) the request id, then who, where and the phase go
        // rather than every heading being squeezed to nothing.
        TableColumn<JournalEntry, String> when = HistoryView.column("When", e -> HistoryView.when(e.at()), 165);
        TableColumn<JournalEntry, String> env = HistoryView.column("Env",
                e -> environmentName.apply(e.record().environmentId()), 70);
        TableColumn<JournalEntry, String> who = HistoryView.column("Who", e -> Arns.name(e.record().actor()), 80);
        TableColumn<JournalEntry, String> phase = HistoryView.column("Phase", e -> e.record().phase().name(), 90);
        TableColumn<JournalEntry, String> what = HistoryView.column("What", e -> e.record().summary(), 300);
        TableColumn<JournalEntry, String> request = HistoryView.column("Request id", e -> e.record().awsRequestId(),
                130);
        table.getColumns().setAll(List.of(when, env, who, phase, what, request));
        table.getColumns().forEach(c -> Headings.keepWhole(c, c.getPrefWidth()));
        ColumnPriority.dropToFit(table, List.of(request, who, env, phase));
        VBox.setVgrow(table, Priority.ALWAYS);
        javafx.scene.control.Label saved = new javafx.scene.control.Label();
        saved.setId("deploy-audit-saved");
        io.harbormaster.views.shared.TableCsv.offerCopy(table,
                io.harbormaster.views.shared.CsvSaving.withDialog(viewModel.executor(), saved), "audit-log");
        getChildren().addAll(table, saved);
    }
}
