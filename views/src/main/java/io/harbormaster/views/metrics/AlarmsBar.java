package io.harbormaster.views.metrics;

import io.harbormaster.model.alarms.Alarm;
import io.harbormaster.model.alarms.AlarmHistoryItem;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

/** One chip per alarm, coloured by state (firing first); a click shows the alarm's recent history. */
final class AlarmsBar extends FlowPane {

    private static final int MAX_CHIPS = 14;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final AlarmsViewModel viewModel;

    AlarmsBar(AlarmsViewModel viewModel) {
        super(6, 4);
        this.viewModel = viewModel;
        setId("alarms-bar");
        viewModel.alarms().addListener((ListChangeListener<Alarm>) c -> fill());
        viewModel.messageProperty().addListener((o, a, b) -> fill());
        fill();
    }

    private void fill() {
        getChildren().clear();
        Label title = new Label("Alarms");
        title.getStyleClass().add("hm-muted");
        getChildren().add(title);
        if (!viewModel.messageProperty().get().isEmpty()) {
            getChildren().add(new Label(viewModel.messageProperty().get()));
        }
        if (viewModel.alarms().isEmpty()) {
            if (!viewModel.messageProperty().get().isEmpty()) {
                return; // not read (yet): "none" would claim something nobody asked AWS
            }
            Label none = new Label("none in this environment");
            none.getStyleClass().add("hm-muted");
            getChildren().add(none);
            return;
        }
        viewModel.alarms().stream().limit(MAX_CHIPS).forEach(a -> getChildren().add(chip(a)));
        if (viewModel.alarms().size() > MAX_CHIPS) {
            getChildren().add(new Label("+" + (viewModel.alarms().size() - MAX_CHIPS) + " more"));
        }
    }

    private Label chip(Alarm alarm) {
        Label chip = new Label(alarm.name() + " · " + alarm.state());
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
