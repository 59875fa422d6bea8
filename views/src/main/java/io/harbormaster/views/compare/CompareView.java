package io.harbormaster.views.compare;

import io.harbormaster.model.compare.ComparedLine;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.fleet.EnvironmentTag;
import io.harbormaster.views.lifecycle.BusySpinner;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.ColumnWidths;
import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import java.util.List;
import java.util.function.Function;
import org.kordamp.ikonli.javafx.FontIcon;
import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.shared.Sentences;
import io.harbormaster.views.shared.WrappingBar;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Compare page: a service here beside the same service in another environment, differences highlighted. */
public final class CompareView extends VBox {

    /** Characters of a side's value shown whole before the rest goes to the tooltip. */
    private static final int SIDE_CHARS = 24;

    public CompareView(CompareViewModel viewModel) {
        setId("compare-view");
        getStyleClass().add(HarbormasterStyles.PAGE);
        getStylesheets().add(FleetStyles.stylesheet());

        Label title = new Label("Compare");
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        TextField service = new TextField();
        service.setId("compare-service");
        service.setPromptText("Service name");
        service.setPrefColumnCount(18);
        service.textProperty().bindBidirectional(viewModel.serviceNameProperty());
        service.setOnAction(e -> viewModel.compare());
        Label here = chip(viewModel.leftTagProperty());
        ComboBox<Environment> other = new ComboBox<>(viewModel.otherChoices());
        other.setId("compare-env");
        other.setPromptText("with…");
        other.setConverter(new StringConverter<>() {
            @Override
            public String toString(Environment e) {
                return e == null ? "" : e.displayName() + (e.production() ? "  (PRODUCTION)" : "");
            }

            @Override
            public Environment fromString(String s) {
                return null;
            }
        });
        other.valueProperty().bindBidirectional(viewModel.otherProperty());
        other.setOnAction(e -> {
            if (other.getValue() != null) {
                viewModel.compare();
            }
        });
        Button go = new Button("Compare", new FontIcon(Material2AL.COMPARE_ARROWS));
        go.setId("compare-go");
        go.setOnAction(e -> viewModel.compare());
        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.setId("compare-refresh");
        refresh.setTooltip(ActionFactory.tooltip("Read the other environment again and compare"));
        refresh.disableProperty().bind(Bindings.isEmpty(viewModel.lines()).or(viewModel.busyProperty()));
        refresh.setOnAction(e -> viewModel.refresh());
        BusySpinner spinner = new BusySpinner(18);
        spinner.visibleProperty().bind(viewModel.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        WrappingBar header = new WrappingBar(10, title, service, new Label("in"), here, new Label("beside"), other, go,
                refresh, spinner, spacer);
        header.getStyleClass().add(HarbormasterStyles.PAGE_HEADER);

        TableView<ComparedLine> table = new TableView<>(viewModel.lines());
        table.setId("compare-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<ComparedLine, String> section = column("What", 160, ComparedLine::section);
        TableColumn<ComparedLine, String> label = column("", 180, ComparedLine::label);
        table.getColumns().add(section);
        table.getColumns().add(label);
        TableColumn<ComparedLine, String> left = column("", 360, ComparedLine::left);
        left.setId("compare-col-left");
        left.textProperty().bind(viewModel.leftHeadingProperty());
        TableColumn<ComparedLine, String> right = column("", 360, ComparedLine::right);
        right.setId("compare-col-right");
        right.textProperty().bind(viewModel.rightHeadingProperty());
        table.getColumns().add(left);
        table.getColumns().add(right);
        // Two masked values look alike whether or not they are: this says which, without showing either.
        TableColumn<ComparedLine, String> hidden = column("Hidden values", 170, ComparedLine::verdict);
        hidden.setId("compare-col-hidden");
        // Its longest verdict whole (it read "differs (valu…" at 1280), in the bold of a differing row.
        hidden.setMinWidth(io.harbormaster.views.shared.Headings.width("differs (values hidden)"));
        table.getColumns().add(hidden);
        // What is compared and every value up to 30 characters whole, in the bold of a differing line; a longer value
        // (an image, a placement strategy) whole on hover.
        ColumnWidths.fitRows(table, section, ComparedLine::section, true);
        ColumnWidths.fitRows(table, label, ComparedLine::label, true);
        // The two sides share what is left: values up to 24 characters whole, so the five columns fit 1280 without a
        // sideways scroll that hid the verdict column; a longer value whole on hover.
        ColumnWidths.fitRows(table, left, ComparedLine::left, true, SIDE_CHARS);
        ColumnWidths.fitRows(table, right, ComparedLine::right, true, SIDE_CHARS);
        ColumnWidths.wholeInTooltip(left, SIDE_CHARS, javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        ColumnWidths.wholeInTooltip(right, SIDE_CHARS, javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        // Narrower than its columns (a window of about 1,100 px) the hidden values' verdict goes first: a differing
        // masked value's row is still drawn as differing, and the CSV keeps the verdict. What is compared and both
        // sides stay: without What, "Image" or "CPU" would not say of which container, and a side alone compares
        // nothing. Half a window (about 500 px) is narrower than What, the line and two sides' values whole (834 px):
        // there the table scrolls sideways still.
        ColumnPriority.dropToFit(table, List.of(hidden));
        table.setRowFactory(t -> new DiffRow());
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        Label saved = new Label();
        saved.setId("compare-saved");
        io.harbormaster.views.shared.TableCsv.offerCopy(table,
                io.harbormaster.views.shared.CsvSaving.withDialog(viewModel.executor(), saved), "compare");
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.messageProperty());
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("compare-summary");
        summary.getStyleClass().add(HarbormasterStyles.MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());
        Sentences.wrapping(summary);
        getChildren().addAll(header, table, summary, saved); // stale: the page's banner
    }

    private static ObservableValue<String> name(ObservableValue<EnvironmentTag> tag) {
        return Bindings.createStringBinding(() -> tag.getValue() == null ? "" : tag.getValue().name(), tag);
    }

    private static Label chip(ObservableValue<EnvironmentTag> tag) {
        Label chip = new Label();
        chip.getStyleClass().add(FleetStyles.ENV_CHIP);
        chip.textProperty().bind(name(tag));
        chip.styleProperty().bind(Bindings.createStringBinding(() -> tag.getValue() == null ? ""
                : "-hm-env: " + tag.getValue().colour() + ";", tag));
        chip.visibleProperty().bind(Bindings.createBooleanBinding(() -> tag.getValue() != null, tag));
        return chip;
    }

    private static TableColumn<ComparedLine, String> column(String title, double width,
            Function<ComparedLine, String> value) {
        TableColumn<ComparedLine, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    /** A row whose two sides differ is drawn in the "differs" style. */
    private static final class DiffRow extends TableRow<ComparedLine> {
        @Override
        protected void updateItem(ComparedLine item, boolean empty) {
            super.updateItem(item, empty);
            HarbormasterStyles.styleClass(this, FleetStyles.DIFFERS, !empty && item != null && item.differs());
        }
    }
}
