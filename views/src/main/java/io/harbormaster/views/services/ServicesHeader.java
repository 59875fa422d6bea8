package io.harbormaster.views.services;

import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The Services page's header: the title and where at the left, the filter and the buttons at the right, on one line
 * while they fit (the filter giving way first). In half a window (side by side) the buttons go on a line of their own
 * under the title, "Needs attention" shows its icon alone and the subtitle goes (the half's band says where), so no
 * button is cut off at the half's edge.
 */
final class ServicesHeader extends FlowPane {

    private static final double GAP = 10;
    /** The filter's placeholder when its own is cut: the field is as narrow as it gets. */
    private static final String SHORT_PROMPT = "Filter";

    private final HBox heading;
    private final HBox controls;
    private final Label where;
    private final ToggleButton problems;
    private final String problemsText;

    ServicesHeader(Label title, Label where, TextField filter, ToggleButton problems, Node reload) {
        super(GAP, 6);
        this.where = where;
        this.problems = problems;
        this.problemsText = problems.getText();
        problems.setTooltip(new Tooltip(problemsText));
        heading = new HBox(GAP, title, where);
        heading.setAlignment(Pos.CENTER_LEFT);
        heading.setMinWidth(Region.USE_PREF_SIZE);
        controls = new HBox(GAP, filter, problems, reload);
        controls.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(heading, controls);
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0);
        getStyleClass().add(HarbormasterStyles.PAGE_HEADER);
        widthProperty().addListener((obs, old, now) -> arrange());
        String prompt = filter.getPromptText();
        filter.widthProperty().addListener((obs, old, now) -> filter.setPromptText(fits(filter, prompt) ? prompt
                : SHORT_PROMPT));
    }

    /** Whether the field shows this placeholder whole (its tooltip says it in full either way). */
    private static boolean fits(TextField field, String prompt) {
        Text text = new Text(prompt);
        text.setFont(field.getFont());
        return text.getLayoutBounds().getWidth() <= field.getWidth() - field.snappedLeftInset()
                - field.snappedRightInset();
    }

    /** An action placed before the refresh button, never cut. */
    void addAction(Region action) {
        action.setMinWidth(Region.USE_PREF_SIZE);
        controls.getChildren().add(controls.getChildren().size() - 1, action);
        arrange();
    }

    private void arrange() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        if (room <= 0) {
            return;
        }
        problems.setText(problemsText);
        where.setManaged(true);
        where.setVisible(true);
        double beside = room - heading.prefWidth(-1) - GAP - 1;
        boolean oneLine = beside >= least(controls);
        if (!oneLine) {
            problems.setText(null);
            where.setManaged(false);
            where.setVisible(false);
        }
        // as wide as the room beside the title (the buttons at the right edge), or the whole line under it
        controls.setPrefWidth(oneLine ? beside : room - 1);
    }

    /** The controls' width with only the filter given way. */
    private static double least(HBox box) {
        double width = GAP * Math.max(0, box.getChildren().size() - 1);
        for (Node child : box.getChildren()) {
            width += child.minWidth(-1);
        }
        return width;
    }
}
