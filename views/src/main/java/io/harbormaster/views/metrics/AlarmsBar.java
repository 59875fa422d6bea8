package io.harbormaster.views.metrics;

import io.harbormaster.model.alarms.Alarm;
import io.harbormaster.model.alarms.AlarmHistoryItem;
import io.harbormaster.views.shared.WrappingBar;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

/** One chip per alarm, coloured by state (firing first); a click shows the alarm's recent history. */
final class AlarmsBar extends VBox {

    private static final int MAX_CHIPS = 14;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final AlarmsViewModel viewModel;
    /**
     * The title and the chips, in rows: a flow pane is never narrower than its widest chip, and a target-tracking
     * alarm's chip made the dashboard wider than half a window (side by side), cut at the tab's edge.
     */
    private final WrappingBar chips = new WrappingBar(6);

    AlarmsBar(AlarmsViewModel viewModel) {
        this.viewModel = viewModel;
        getChildren().add(chips);
        setId("alarms-bar");
        viewModel.alarms().addListener((ListChangeListener<Alarm>) c -> fill());
        viewModel.messageProperty().addListener((o, a, b) -> fill());
        fill();
    }

    private void fill() {
        chips.getChildren().setAll(contents());
    }

    /** The title, then what was read: the chips, "none", or why nothing was. */
    private List<Node> contents() {
        List<Node> children = new ArrayList<>();
        Label title = new Label("Alarms");
        title.getStyleClass().add("hm-muted");
        children.add(title);
        if (!viewModel.messageProperty().get().isEmpty()) {
            Label why = new Label(viewModel.messageProperty().get());
            why.setWrapText(true);
            children.add(why);
        }
        if (viewModel.alarms().isEmpty()) {
            if (!viewModel.messageProperty().get().isEmpty()) {
                return children; // not read (yet): "none" would claim something nobody asked AWS
            }
            Label none = new Label("none in this environment");
            none.getStyleClass().add("hm-muted");
            children.add(none);
            return children;
        }
        viewModel.alarms().stream().limit(MAX_CHIPS).forEach(a -> children.add(chip(a)));
        if (viewModel.alarms().size() > MAX_CHIPS) {
            children.add(new Label("+" + (viewModel.alarms().size() - MAX_CHIPS) + " more"));
        }
        return children;
    }

    private Label chip(Alarm alarm) {
        Label chip = new Label(alarm.name() + " · " + alarm.state());
        // a target-tracking alarm's name is long: narrower than it (half a window), the chip wraps, never cut
        chip.setWrapText(true);
        chip.setId("alarm-" + alarm.name().replaceAll("[^A-Za-z0-9_-]", "_"));
        chip.getStyleClass().addAll(MetricsStyles.ALARM_CHIP, switch (alarm.state()) {
            case ALARM -> MetricsStyles.ALARM_FIRING;
            case OK -> MetricsStyles.ALARM_OK;
            default -> MetricsStyles.ALARM_UNKNOWN;
        });
        chip.setTooltip(new javafx.scene.control.Tooltip(alarm.condition() + "\n" + alarm.reason()));
        chip.setOnMouseClicked(e -> {
            viewModel.showHistory(alarm);
            ListView<AlarmHistoryItem> list = new ListView<>(viewModel.history());
            list.setId("alarm-history");
            list.setPrefSize(420, 220);
            list.setPlaceholder(new Label("No history in the last 24 h."));
            list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(AlarmHistoryItem item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : TIME.format(item.timestamp()) + "  " + item.summary());
                }
            });
            Label heading = new Label(alarm.name() + "  " + alarm.condition());
            heading.getStyleClass().add(MetricsStyles.DETAIL_TITLE);
            VBox box = new VBox(6, heading, list);
            box.setStyle("-fx-padding: 8;");
            PopOver pop = new PopOver(box);
            pop.setDetachable(false);
            pop.show(chip);
        });
        return chip;
    }
}
