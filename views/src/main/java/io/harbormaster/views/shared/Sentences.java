package io.harbormaster.views.shared;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A line that says something in words whose length depends on the data ("2 services scaled by Service Auto Scaling, 0
 * at their maximum, 2 with a scaling alarm in ALARM"): on as many lines as the width needs, never cut to "…". For a
 * label in a vertical box, whose height follows its width.
 */
public final class Sentences {

    private Sentences() {
    }

    /** The label wraps and is never shorter than its wrapped text. */
    public static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
