package io.harbormaster.views.noisemap;

import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.noisemap.FloorPlan;
import io.harbormaster.model.noisemap.NoiseFrames;
import io.harbormaster.model.noisemap.NoiseModes;
import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.shared.WrappingBar;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The noise map: metric and row choice with the legend on top, the floor plan in the middle, the hosts over critical
 * and the clicked host beside it, and the 24 h scrubber with play/pause below. Binds and forwards; the view-model
 * owns the state.
 */
public final class NoiseMapView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm");

    private final NoiseMapViewModel viewModel;
    private final NoiseMapCanvas canvas;
    private final Slider scrubber = new Slider(0, 1, 1);
    private boolean syncing;

    public NoiseMapView(NoiseMapViewModel viewModel, FleetNavigator navigator, ZoneId zone) {
        this.viewModel = viewModel;
        setId("noise-map");
        canvas = new NoiseMapCanvas(viewModel);
        setCenter(canvas);
        setTop(toolbar());
        setRight(side(navigator));
        setBottom(scrubberBar(zone));
    }

    public NoiseMapCanvas canvas() {
        return canvas;
    }

    private VBox toolbar() {
        ComboBox<MetricKind> metric = new ComboBox<>(FXCollections.observableArrayList(NoiseMapViewModel.METRICS));
        metric.setId("noise-metric");
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(MetricKind kind) {
                return kind == null ? "" : kind.label();
            }

            @Override
            public MetricKind fromString(String s) {
                return null;
            }
        });
        metric.valueProperty().bindBidirectional(viewModel.metricProperty());
        ComboBox<FloorPlan.Rows> rows = new ComboBox<>(FXCollections.observableArrayList(FloorPlan.Rows.values()));
        rows.setId("noise-rows");
        rows.setConverter(new StringConverter<>() {
            @Override
            public String toString(FloorPlan.Rows r) {
                return r == null ? "" : r == FloorPlan.Rows.CLUSTER ? "Rows by cluster" : "Rows by instance type";
            }

            @Override
            public FloorPlan.Rows fromString(String s) {
                return null;
            }
        });
        rows.valueProperty().bindBidirectional(viewModel.rowsProperty());
        NoiseLegend legend = new NoiseLegend();
        viewModel.scaleProperty().addListener((o, a, now) -> legend.show(now, viewModel.metricProperty().get()));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        // in half a window (side by side) the legend goes onto a row of its own rather than squeeze the choices
        WrappingBar bar = new WrappingBar(8, metric, rows, spring, legend);
        bar.getStyleClass().add(MetricsStyles.TOOLBAR);
        Label source = muted("noise-source", viewModel.sourceProperty());
        Label note = muted("noise-scale-note", viewModel.scaleNoteProperty());
        Label message = muted("noise-message", viewModel.messageProperty());
        VBox top = new VBox(2, bar, source, note, message);
        return top;
    }

    /** A line of small print that takes no room while it has nothing to say. */
    private static Label muted(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("hm-muted");
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    private VBox side(FleetNavigator navigator) {
        Label heading = new Label();
        heading.getStyleClass().add(MetricsStyles.DETAIL_TITLE);
        heading.setId("noise-side-title");
        heading.textProperty().bind(viewModel.sideTitleProperty());
        ListView<HostReading> list = new ListView<>(viewModel.critical());
        list.setId("noise-critical");
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(viewModel.sideEmptyProperty());
        list.setPlaceholder(placeholder);
        list.setCellFactory(v -> {
            ListCell<HostReading> cell = new ListCell<>() {
                @Override
                protected void updateItem(HostReading item, boolean empty) {
                    super.updateItem(item, empty);
                    // a line for each part of the reading: "94 % CPU stranded · memory 100 % reserved" on one
                    // line was wider than the side at 1280 and read under a sideways scroll bar
                    setText(empty || item == null ? null : item.name() + "\n" + item.text().replace(" · ", "\n")
                            + "\n" + item.cluster() + " · " + item.zone());
                }
            };
            cell.setPrefWidth(0); // as wide as the list, never wider
            return cell;
        });
        // stranded capacity reads on two lines ("94 % CPU stranded", "memory 93 % reserved"), other readings on one
        Runnable lines = () -> {
            boolean packing = NoiseModes.packing(viewModel.metricProperty().get());
            if (packing != list.getStyleClass().contains(MetricsStyles.NOISE_SIDE_PACKING)) {
                if (packing) {
                    list.getStyleClass().add(MetricsStyles.NOISE_SIDE_PACKING);
                } else {
                    list.getStyleClass().remove(MetricsStyles.NOISE_SIDE_PACKING);
                }
            }
        };
        lines.run();
        viewModel.metricProperty().addListener((o, a, now) -> lines.run());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> {
            if (now != null) {
                viewModel.selectHost(now.hostArn());
            }
        });
        list.setPrefHeight(220);
        HostDetailPane detail = new HostDetailPane(navigator);
        viewModel.selectedProperty().addListener((o, a, now) -> detail.show(now));
        VBox side = new VBox(heading, list, detail);
        side.getStyleClass().add(MetricsStyles.NOISE_SIDE);
        VBox.setVgrow(list, Priority.SOMETIMES);
        return side;
    }

    private HBox scrubberBar(ZoneId zone) {
        ToggleButton play = new ToggleButton();
        play.setId("noise-play");
        play.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(viewModel.playingProperty().get()
                ? Material2MZ.PAUSE : Material2MZ.PLAY_ARROW), viewModel.playingProperty()));
        play.selectedProperty().bindBidirectional(viewModel.playingProperty());
        play.setTooltip(new javafx.scene.control.Tooltip("Replay the last 24 h, 10 minutes of fleet time a frame"));
        scrubber.setId("noise-scrubber");
        scrubber.setBlockIncrement(1);
        scrubber.setMajorTickUnit(12);
        scrubber.setSnapToTicks(false);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.setMaxWidth(Double.MAX_VALUE);
        viewModel.framesProperty().addListener((o, a, now) -> syncScrubber());
        viewModel.frameProperty().addListener((o, a, now) -> syncScrubber());
        viewModel.liveProperty().addListener((o, a, now) -> syncScrubber());
        scrubber.valueProperty().addListener((o, a, now) -> {
            if (!syncing) {
                viewModel.frameProperty().set((int) Math.round(now.doubleValue()));
            }
        });
        Label time = new Label();
        time.setId("noise-time");
        time.setMinWidth(150);
        time.textProperty().bind(Bindings.createStringBinding(() -> {
            Instant at = viewModel.frameTimeProperty().get();
            if (at == null) {
                return "";
            }
            return TIME.withZone(zone).format(at) + (viewModel.liveProperty().get() ? "  · live" : "");
        }, viewModel.frameTimeProperty(), viewModel.liveProperty()));
        Button live = new Button("Live", new FontIcon(Material2AL.FIBER_MANUAL_RECORD));
        live.setId("noise-live");
        live.disableProperty().bind(viewModel.liveProperty());
        live.setOnAction(e -> viewModel.goLive());
        HBox bar = new HBox(8, play, scrubber, time, live);
        bar.getStyleClass().add(MetricsStyles.TOOLBAR);
        bar.setStyle("-fx-padding: 6 0 0 0;");
        scrubber.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.framesProperty().get() == null
                || viewModel.framesProperty().get().size() < 2, viewModel.framesProperty()));
        play.disableProperty().bind(scrubber.disableProperty());
        return bar;
    }

    private void syncScrubber() {
        NoiseFrames frames = viewModel.framesProperty().get();
        syncing = true;
        try {
            scrubber.setMax(frames == null ? 1 : Math.max(1, frames.size() - 1));
            // one frame (ECS's now, no history) is the live one: the knob sits at the right end, where live is
            boolean single = frames == null || frames.size() < 2;
            scrubber.setValue(single ? scrubber.getMax() : viewModel.frameProperty().get());
        } finally {
            syncing = false;
        }
    }

    /** The slider, for tests that drag it. */
    public Slider scrubber() {
        return scrubber;
    }
}
