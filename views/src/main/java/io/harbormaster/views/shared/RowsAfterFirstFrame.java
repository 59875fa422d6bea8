package io.harbormaster.views.shared;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * A table's rows held back until the frame after the table first shows. A page's first visit otherwise styles and
 * lays out the page and creates every visible row's cells in one pulse: on a cold JVM 80–170 ms of UI-thread work,
 * ten frames missed. Held back, the page's frame (header, toolbar, the table's columns) is one pulse and its first
 * cells the next, each about half. The operator sees the rows a frame later; meanwhile the table shows nothing
 * rather than its placeholder ("No services"), which would be untrue for that frame.
 */
public final class RowsAfterFirstFrame {

    /** Pulses the rows wait once the table is in a scene: the first styles and lays out the page without them. */
    private static final int FRAMES_HELD = 2;

    private RowsAfterFirstFrame() {
    }

    /**
     * {@code rows} as {@code table} should show them: empty until the pulse after the table's first in a scene,
     * then all of them, following every change. The same list throughout, so listeners on the table's items and
     * sorting layered on top keep working.
     */
    public static <T> ObservableList<T> of(TableView<T> table, ObservableList<T> rows) {
        FilteredList<T> shown = new FilteredList<>(rows, row -> false);
        ChangeListener<Scene> attached = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> obs, Scene old, Scene scene) {
                if (scene == null) {
                    return;
                }
                table.sceneProperty().removeListener(this);
                Node placeholder = table.getPlaceholder();
                Region nothing = new Region();
                table.setPlaceholder(nothing);
                new AnimationTimer() {
                    private int frames;

                    @Override
                    public void handle(long now) {
                        if (++frames < FRAMES_HELD) {
                            return;
                        }
                        stop();
                        if (table.getPlaceholder() == nothing) {
                            table.setPlaceholder(placeholder);
                        }
                        shown.setPredicate(null);
                    }
                }.start();
            }
        };
        table.sceneProperty().addListener(attached);
        return shown;
    }
}
