package io.harbormaster.views.metrics;

import io.harbormaster.model.alarms.Alarm;
import io.harbormaster.model.alarms.AlarmHistoryItem;
import io.harbormaster.model.alarms.ServiceAlarms;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.views.shared.WrappingBar;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

/**
 * One chip per alarm, coloured by state (firing first); a click shows the alarm's recent history. With a service
 * picked, its own alarms come first under its name, and the rest of the environment's on a row below: its firing
 * ones as chips, the others counted (named in the count's tooltip). An operator looking at api-green saw the
 * cdn services' target-tracking alarms under a bare "Alarms", as if they were api-green's.
 */
final class AlarmsBar extends VBox {

    private static final int MAX_CHIPS = 14;
    /** Names the count of quiet alarms elsewhere lists in its tooltip. */
    private static final int NAMED_IN_TOOLTIP = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final AlarmsViewModel viewModel;
    private final Supplier<Optional<Service>> service;
    /**
     * The title and the chips, in rows: a flow pane is never narrower than its widest chip, and a target-tracking
     * alarm's chip made the dashboard wider than half a window (side by side), cut at the tab's edge.
     */
    private final WrappingBar chips = new WrappingBar(6);
    /** The environment's other alarms, while a service is picked. */
    private final WrappingBar elsewhere = new WrappingBar(6);
    /** What the chips were last made from: the service picked, the message, the alarms. */
    private List<Object> shown;

    /**
     * @param service the service picked, read afresh whenever one of {@code serviceChanges} changes (the picked ARN,
     *                the services read)
     */
    AlarmsBar(AlarmsViewModel viewModel, Supplier<Optional<Service>> service, Observable... serviceChanges) {
        super(4);
        this.viewModel = viewModel;
        this.service = service;
        chips.setId("alarms-on-service");
        elsewhere.setId("alarms-elsewhere");
        elsewhere.managedProperty().bind(elsewhere.visibleProperty());
        getChildren().addAll(chips, elsewhere);
        setId("alarms-bar");
        viewModel.alarms().addListener((ListChangeListener<Alarm>) c -> fill());
        viewModel.messageProperty().addListener((o, a, b) -> fill());
        for (Observable change : serviceChanges) {
            change.addListener(o -> fill());
        }
        fill();
    }

    private void fill() {
        Optional<Service> picked = service.get();
        String message = viewModel.messageProperty().get();
        // Called at every fleet refresh (the services read again) and every reading of the alarms: the chips are
        // made again only when what they show changed.
        List<Object> showing = List.of(picked.map(s -> List.of(s.clusterName(), s.name(), s.targetGroupArns()))
                .orElse(List.of()), message, List.copyOf(viewModel.alarms()));
        if (showing.equals(shown)) {
            return;
        }
        shown = showing;
        if (picked.isEmpty() || !message.isEmpty()) {
            chips.getChildren().setAll(contents(title("Alarms"), List.copyOf(viewModel.alarms()),
                    "none in this environment"));
            elsewhere.getChildren().clear();
            elsewhere.setVisible(false);
            return;
        }
        Service s = picked.get();
        ServiceAlarms split = ServiceAlarms.of(viewModel.alarms(), s.clusterName(), s.name(), s.targetGroupArns());
        chips.getChildren().setAll(contents(title("Alarms on " + s.name()), split.onService(), "none"));
        elsewhere.getChildren().setAll(others(split));
        elsewhere.setVisible(!split.elsewhere().isEmpty());
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("hm-muted");
        title.setMinWidth(Label.USE_PREF_SIZE);
        return title;
    }

    /** The title, then what was read: the chips, {@code none}, or why nothing was. */
    private List<Node> contents(Label title, List<Alarm> alarms, String none) {
        List<Node> children = new ArrayList<>();
        children.add(title);
        if (!viewModel.messageProperty().get().isEmpty()) {
            Label why = new Label(viewModel.messageProperty().get());
            why.setWrapText(true);
            children.add(why);
        }
        if (alarms.isEmpty()) {
            if (!viewModel.messageProperty().get().isEmpty()) {
                return children; // not read (yet): "none" would claim something nobody asked AWS
            }
            Label nothing = new Label(none);
            nothing.setId("alarms-none");
            nothing.getStyleClass().add("hm-muted");
            children.add(nothing);
            return children;
        }
        alarms.stream().limit(MAX_CHIPS).forEach(a -> children.add(chip(a)));
        if (alarms.size() > MAX_CHIPS) {
            children.add(new Label("+" + (alarms.size() - MAX_CHIPS) + " more"));
        }
        return children;
    }

    /** The rest of the environment's alarms: those firing as chips, the others counted. */
    private List<Node> others(ServiceAlarms split) {
        List<Node> children = new ArrayList<>();
        children.add(title("Elsewhere in this environment"));
        List<Alarm> firing = split.elsewhere().stream().filter(Alarm::firing).toList();
        firing.stream().limit(MAX_CHIPS).forEach(a -> children.add(chip(a)));
        List<Alarm> quiet = split.elsewhere().stream().filter(a -> !a.firing()).toList();
        int unshown = Math.max(0, firing.size() - MAX_CHIPS);
        if (!quiet.isEmpty() || unshown > 0) {
            String count = (firing.isEmpty() ? "" : "+ ") + (unshown > 0 ? unshown + " firing and " : "")
                    + quiet.size() + (quiet.size() == 1 ? " alarm" : " alarms") + " not firing";
            Label rest = new Label(count);
            rest.setId("alarms-elsewhere-quiet");
            rest.getStyleClass().add("hm-muted");
            String names = quiet.stream().limit(NAMED_IN_TOOLTIP).map(a -> a.name() + " · " + a.state())
                    .collect(Collectors.joining("\n"));
            rest.setTooltip(new javafx.scene.control.Tooltip(names + (quiet.size() > NAMED_IN_TOOLTIP
                    ? "\n+" + (quiet.size() - NAMED_IN_TOOLTIP) + " more" : "")));
            children.add(rest);
        }
        return children;
    }

    private Label chip(Alarm alarm) {
        Label chip = new Label(alarm.name() + " · " + switch (alarm.state()) {
            case INSUFFICIENT_DATA -> "insufficient data"; // as the CloudWatch console says it
            default -> alarm.state().name();
        });
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
