package io.harbormaster.views.logs;

import io.harbormaster.model.fleet.Service;
import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.fleet.ServicePicker;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import io.harbormaster.views.shared.WrappingBar;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The tail: service, filter pattern and pause on top, the lines in a virtualised list (errors in red), and under it
 * where the selected line came from, with a jump to its host.
 */
public final class LogsView extends BorderPane {

    private final ListView<LogLine> list;

    public LogsView(LogsViewModel viewModel, ObservableList<Service> services, FleetNavigator navigator, ZoneId zone) {
        setId("logs");
        ComboBox<Service> service = ServicePicker.of("logs-service", services, viewModel.serviceArnProperty(),
                viewModel::showService);
        TextField filter = new TextField();
        filter.setId("logs-filter");
        filter.setPromptText("Filter pattern, e.g. ERROR or ?ERROR ?WARN");
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        filter.setOnAction(e -> viewModel.search());
        ComboBox<Duration> lookBack = new ComboBox<>(FXCollections.observableArrayList(LogsViewModel.LOOK_BACKS));
        lookBack.setId("logs-lookback");
        lookBack.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : "last " + LogsViewModel.span(d);
            }

            @Override
            public Duration fromString(String s) {
                return null;
            }
        });
        lookBack.valueProperty().bindBidirectional(viewModel.lookBackProperty());
        lookBack.setTooltip(new Tooltip("How far back the tail starts"));
        Button search = new Button("Search", new FontIcon(Material2MZ.SEARCH));
        search.setId("logs-search");
        search.setOnAction(e -> viewModel.search());
        ToggleButton pause = new ToggleButton();
        pause.setId("logs-pause");
        pause.selectedProperty().bindBidirectional(viewModel.pausedProperty());
        pause.textProperty().bind(Bindings.when(viewModel.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(viewModel.pausedProperty().get()
                ? Material2MZ.PLAY_ARROW : Material2MZ.PAUSE), viewModel.pausedProperty()));
        Label count = new Label();
        count.getStyleClass().add("hm-muted");
        count.textProperty().bind(Bindings.size(viewModel.lines()).asString("%,d lines"));
        Label message = new Label();
        message.setId("logs-message");
        message.getStyleClass().add("hm-muted");
        message.textProperty().bind(viewModel.messageProperty());
        // the buttons and the count keep their text, the filter takes the room left; what is followed (a log group
        // and its streams, or why nothing is) is read whole on a line of its own under them
        for (Region keep : List.of(service, lookBack, search, pause, count)) {
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(filter, Priority.ALWAYS);
        message.setWrapText(true);
        // half a window wide (side by side) the controls take two rows instead of the filter none
        WrappingBar bar = new WrappingBar(8, service, filter, lookBack, search, pause, count);
        bar.getStyleClass().add(MetricsStyles.TOOLBAR);
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setStyle("-fx-padding: 0 0 4 4;");
        setTop(new VBox(bar, message));

        list = new ListView<>(viewModel.lines());
        list.setId("logs-list");
        // with no lines, the page says why in full: no service yet, or where this one's logs go instead
        Label empty = new Label();
        empty.setId("logs-empty");
        empty.setWrapText(true);
        empty.setMaxWidth(640);
        empty.textProperty().bind(Bindings.when(viewModel.emptyTextProperty().isEmpty())
                .then(viewModel.messageProperty()).otherwise(viewModel.emptyTextProperty()));
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new LogLineCell(zone, viewModel::searchedFilter));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> viewModel.select(now));
        // follow the tail while the newest line is in view; stay put when the operator scrolled up to read
        viewModel.lines().addListener((ListChangeListener<LogLine>) c -> {
            if (!viewModel.pausedProperty().get() && list.getSelectionModel().isEmpty()) {
                list.scrollTo(viewModel.lines().size() - 1);
            }
        });
        setCenter(list);

        Label origin = new Label();
        origin.setId("logs-origin");
        origin.setWrapText(true);
        Button host = new Button("Show host");
        host.setId("logs-show-host");
        host.setOnAction(e -> {
            LogsViewModel.Origin o = viewModel.originProperty().get();
            if (o != null && !o.hostArn().isEmpty()) {
                navigator.showHost(o.hostArn());
            }
        });
        host.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.originProperty().get() == null
                || viewModel.originProperty().get().hostArn().isEmpty(), viewModel.originProperty()));
        origin.textProperty().bind(Bindings.createStringBinding(() -> viewModel.originProperty().get() == null
                ? "Select a line to see its task and host." : viewModel.originProperty().get().text(),
                viewModel.originProperty()));
        HBox foot = new HBox(8, origin, host);
        HBox.setHgrow(origin, Priority.ALWAYS);
        foot.getStyleClass().add(MetricsStyles.TOOLBAR);
        foot.setStyle("-fx-padding: 6 0 0 0;");
        setBottom(foot);
    }

    public ListView<LogLine> list() {
        return list;
    }

    /** Rows are two lines high: a stack trace shows its first frame and says how much more the tooltip holds. */
    static String firstLines(String message) {
        String[] lines = message.stripTrailing().split("\n", -1);
        if (lines.length <= 2) {
            return String.join("\n", lines);
        }
        return lines[0] + "\n" + lines[1] + "   … +" + (lines.length - 2) + " more lines";
    }
}
