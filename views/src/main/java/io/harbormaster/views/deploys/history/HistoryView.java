package io.harbormaster.views.deploys.history;

import io.harbormaster.model.deploy.DeployHistoryEntry;
import io.harbormaster.model.deploy.DeploymentStatus;
import io.harbormaster.model.deploy.ServiceDeploymentBrief;
import io.harbormaster.model.fleet.Arns;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import io.harbormaster.views.shared.AwsCliCommand;
import io.harbormaster.views.shared.CliCommandMenu;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.CsvSaving;
import io.harbormaster.views.shared.TableCsv;
import io.harbormaster.views.shared.WrappingBar;

/**
 * A service's deploys, newest first, and below the diff the selected one made; the deploys copy and save as CSV, and
 * each copies as the describe-service-deployments behind it.
 */
public final class HistoryView extends VBox {

    static String when(java.time.Instant at) {
        return io.harbormaster.views.text.DateText.date(at, ZoneId.systemDefault());
    }

    public HistoryView(HistoryViewModel viewModel) {
        super(6);
        setId("deploy-history");
        Label status = new Label();
        status.setId("deploy-history-status");
        status.getStyleClass().add(HarbormasterStyles.MUTED);
        status.textProperty().bind(viewModel.statusProperty());
        Button redeploy = new Button("Deploy this revision again…");
        redeploy.setId("deploy-history-redeploy");
        redeploy.disableProperty().bind(viewModel.redeployBlockedProperty().isNotEmpty());
        redeploy.setOnAction(e -> viewModel.redeploySelected());
        StackPane holder = new StackPane(redeploy);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> viewModel.redeployBlockedProperty().get().isEmpty()
                ? "Roll back (or forward) to the revision this deploy rolled out: a new deploy, previewed like any"
                : viewModel.redeployBlockedProperty().get(), viewModel.redeployBlockedProperty()));
        Tooltip.install(holder, tip);
        Label redeployStatus = new Label();
        redeployStatus.textProperty().bind(viewModel.redeployStatusProperty());
        redeployStatus.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // in half a window (side by side) the button goes onto a row of its own rather than cut to "…"
        WrappingBar top = new WrappingBar(8, status, gap, redeployStatus, holder);
        TableView<DeployHistoryEntry> table = new TableView<>(viewModel.entries());
        table.setId("deploy-history-table");
        // not JavaFX's "No content in table": the line above says why (no service chosen, none kept, reading)
        table.setPlaceholder(new Label("No deployments to show"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Started", e -> e.deployment().createdAt() == null ? ""
                : when(e.deployment().createdAt()), 165));
        table.getColumns().add(column("Outcome", e -> e.deployment().status().name(), 150));
        table.getColumns().add(column("Took", e -> took(e.deployment()), 95));
        table.getColumns().add(column("Started by", e -> e.fromThisConsole() ? Arns.name(e.startedBy())
                + " (this console)" : "elsewhere", 170));
        table.getColumns().add(column("Revision", e -> e.taskDefinitionArn().isBlank()
                ? Arns.name(e.deployment().targetRevisionArn()) : Arns.name(e.taskDefinitionArn()), 120));
        table.getColumns().add(column("Why", e -> e.deployment().statusReason(), 240));
        // When, outcome, duration, who and which revision must stay readable at 1280 px: only the reason gives way.
        table.getColumns().subList(0, 5).forEach(c -> c.setMinWidth(c.getPrefWidth()));
        // In half a window (side by side) when and the outcome stay; how long it took, who, the revision and then
        // the reason go first (the CSV keeps them; the reason is no use narrower than 100 px), rather than scroll past
        // the edge.
        List<TableColumn<DeployHistoryEntry, ?>> columns = table.getColumns();
        columns.get(5).setMinWidth(100);
        ColumnPriority.dropToFit(table, List.of(columns.get(2), columns.get(3), columns.get(4), columns.get(5)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) ->
                viewModel.selectedProperty().set(e));
        Label saved = new Label();
        saved.setId("deploy-history-saved");
        TableCsv.offerCopy(table, CsvSaving.withDialog(viewModel.executor(), saved), "deploy-history");
        CliCommandMenu.add("deploy-history-copy-cli", table, viewModel::session, (e, session) -> e.deployment()
                .arn().isBlank() ? null : AwsCliCommand.describeServiceDeployment(e.deployment().arn(),
                session.region(), session.environment().profileName()));
        TextArea diff = new TextArea();
        diff.setId("deploy-history-diff");
        diff.setEditable(false);
        diff.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        diff.textProperty().bind(viewModel.diffProperty());
        SplitPane split = new SplitPane(table, diff);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(top, split, saved);
    }

    /**
     * How long it took; "running" only while ECS's status says it runs (a deployment that ended without a finish
     * time in ListServiceDeployments — ECS documents the field as optional — says so instead).
     */
    static String took(ServiceDeploymentBrief deployment) {
        Duration d = deployment.duration();
        if (d == null) {
            return deployment.status().terminal() ? "ended, no finish time"
                    : deployment.status() == DeploymentStatus.PENDING ? "not started" : "running";
        }
        long s = d.toSeconds();
        return s >= 3600 ? s / 3600 + " h " + s % 3600 / 60 + " min" : s >= 60 ? s / 60 + " min " + s % 60 + " s"
                : s + " s";
    }

    static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> value,
                                             double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        // A cut text (a reason, a summary, a request id at 1280 px) shows whole on hover.
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return c;
    }
}
