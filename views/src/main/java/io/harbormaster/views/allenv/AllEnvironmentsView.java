package io.harbormaster.views.allenv;

import io.harbormaster.model.error.Problem;
import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.shared.services.ServicesTable;
import io.harbormaster.views.theme.HarbormasterStyles;
import io.harbormaster.views.shared.Sentences;
import io.harbormaster.views.shared.WrappingBar;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The All environments page: a filter and Load in the header, the environments below it (each with how old its rows
 * are, or why it is missing), then one Services table across them, problems first.
 */
public final class AllEnvironmentsView extends VBox {

    private final FlowPane environments = new FlowPane(18, 6);
    private final TextField filter = new TextField();

    public AllEnvironmentsView(AllEnvironmentsViewModel viewModel) {
        setId("allenv-view");
        getStyleClass().add(HarbormasterStyles.PAGE);
        getStylesheets().add(FleetStyles.stylesheet());

        Label title = new Label("All environments");
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        filter.setId("allenv-filter");
        filter.setPromptText("Filter by name, cluster, image, env  (Ctrl+F)");
        filter.setPrefColumnCount(28);
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        filter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                filter.clear();
                event.consume();
            }
        });
        ToggleButton problems = new ToggleButton("Needs attention", new FontIcon(Material2MZ.WARNING));
        problems.setId("allenv-problems-only");
        problems.selectedProperty().bindBidirectional(viewModel.problemsOnlyProperty());
        Button load = new Button("Load", new FontIcon(Material2MZ.REFRESH));
        load.setId("allenv-load");
        load.setDefaultButton(true);
        load.setTooltip(new Tooltip("Load the ticked environments; those already shown are refreshed"));
        load.setOnAction(e -> viewModel.load());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        WrappingBar header = new WrappingBar(10, title, spacer, filter, problems, load);
        header.getStyleClass().add(HarbormasterStyles.PAGE_HEADER);
        environments.setId("allenv-environments");
        environments.setAlignment(Pos.CENTER_LEFT);
        viewModel.choices().addListener((ListChangeListener<EnvironmentChoice>) c -> fill(viewModel));
        fill(viewModel);

        Label saved = new Label();
        saved.setId("allenv-saved");
        TableView<ServiceRow> table = ServicesTable.create("allenv-table", viewModel.rows(), true,
                io.harbormaster.views.shared.CsvSaving.withDialog(viewModel.executor(), saved));
        // In half a window (side by side) a row across environments still says where, which service and its state:
        // revision, image, cluster and the last event go first as on Services, then why and then the tasks (the CSV
        // keeps them all), rather than scroll the state past the edge.
        ColumnPriority.dropToFit(table, Stream.of("revision", "images", "cluster", "last-event", "reason", "tasks")
                .<TableColumn<ServiceRow, ?>>map(c -> column(table, "allenv-table-col-" + c)).toList());
        Label placeholder = new Label();
        placeholder.setId("allenv-placeholder");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(HarbormasterStyles.PLACEHOLDER_TEXT);
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("allenv-summary");
        summary.getStyleClass().add(HarbormasterStyles.MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());
        Sentences.wrapping(summary);
        getChildren().addAll(header, environments, table, summary, saved);
    }

    private static TableColumn<ServiceRow, ?> column(TableView<ServiceRow> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no column " + id));
    }

    /** Ctrl+F lands here. */
    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    private void fill(AllEnvironmentsViewModel viewModel) {
        environments.getChildren().clear();
        for (EnvironmentChoice choice : viewModel.choices()) {
            String id = choice.environment().id();
            CheckBox box = new CheckBox(choice.environment().displayName());
            box.setId("allenv-env-" + id);
            box.selectedProperty().bindBidirectional(choice.chosenProperty());
            Label status = new Label();
            status.setId("allenv-status-" + id);
            status.getStyleClass().add(HarbormasterStyles.MUTED);
            status.textProperty().bind(choice.statusProperty());
            choice.problemProperty().addListener((obs, old, now) -> showProblem(status, now));
            showProblem(status, choice.problemProperty().get());
            HBox item = new HBox(6, box, status);
            item.setAlignment(Pos.CENTER_LEFT);
            environments.getChildren().add(item);
        }
    }

    /** A failed environment's line reads in red, and its tooltip says what happened and what to do. */
    private static void showProblem(Label status, Problem problem) {
        HarbormasterStyles.styleClass(status, FleetStyles.ATTENTION_REASON, problem != null);
        if (problem == null) {
            status.setTooltip(null);
            return;
        }
        status.setTooltip(new Tooltip(problem.title() + "\n" + problem.message()
                + (problem.nextStep().isEmpty() ? "" : "\n" + problem.nextStep())));
    }
}
