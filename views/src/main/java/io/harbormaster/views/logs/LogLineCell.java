package io.harbormaster.views.logs;

import io.harbormaster.model.logs.FilterTerms;
import io.harbormaster.model.logs.LogText;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import io.harbormaster.views.text.DateText;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One line of the tail: its time once (the event's; with its date when the line is of an earlier day than the
 * newest, as a look-back over midnight brings in), the level word in the level's colour, and the text the filter
 * matched marked. A stack trace shows its first two lines; the tooltip holds it whole.
 */
final class LogLineCell extends ListCell<LogLine> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final ZoneId zone;
    private final Supplier<String> filter;

    LogLineCell(ZoneId zone, Supplier<String> filter) {
        this.zone = zone;
        this.filter = filter;
    }

    @Override
    protected void updateItem(LogLine line, boolean empty) {
        super.updateItem(line, empty);
        LogLine.Level shownLevel = empty || line == null ? null : line.level();
        pseudoClassStateChanged(HarbormasterStyles.LOG_ERROR, shownLevel == LogLine.Level.ERROR);
        pseudoClassStateChanged(HarbormasterStyles.LOG_WARN, shownLevel == LogLine.Level.WARN);
        setText(null);
        if (empty || line == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        HarbormasterStyles.styleClass(this, MetricsStyles.LOG_LINE, true);
        String shown = LogsView.firstLines(line.text());
        List<Node> runs = new ArrayList<>();
        runs.add(text(DateText.timeOnDay(line.event().timestamp(), newest(), zone, TIME) + "  ",
                MetricsStyles.LOG_TIME));
        int[] level = LogText.levelSpan(shown).orElse(null);
        for (LineSegments.Segment s : LineSegments.of(shown, level, FilterTerms.spans(shown,
                FilterTerms.of(filter.get())))) {
            runs.add(text(s.text(), switch (s.kind()) {
                case LEVEL -> levelClass(line.level());
                case MATCH -> MetricsStyles.LOG_MATCH;
                default -> MetricsStyles.LOG_TEXT;
            }));
        }
        TextFlow flow = new TextFlow(runs.toArray(Node[]::new));
        flow.setMaxWidth(Double.MAX_VALUE);
        setGraphic(flow);
        String message = line.event().message();
        setTooltip(message.indexOf('\n') < 0 ? null : new Tooltip(message));
    }

    /** The newest line's time: lines are kept oldest first. */
    private Instant newest() {
        List<LogLine> all = getListView() == null ? List.of() : getListView().getItems();
        return all.isEmpty() ? null : all.get(all.size() - 1).event().timestamp();
    }

    private static String levelClass(LogLine.Level level) {
        return switch (level) {
            case ERROR -> MetricsStyles.LOG_LEVEL_ERROR;
            case WARN -> MetricsStyles.LOG_LEVEL_WARN;
            default -> MetricsStyles.LOG_LEVEL_INFO;
        };
    }

    private static Text text(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().add(styleClass);
        return t;
    }
}
