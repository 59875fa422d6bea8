package io.harbormaster.views.shared;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;

/**
 * A table's first rows made over a few frames: the top fifth of its height in one, the next fifth in the next, and so
 * on. A table makes a row, with a cell for every column, for each line of its height, the empty lines
 * below the last item too, each styled on its own; in the frame in which a tall table first gets items, that was
 * most of the UI thread's work (Services' first rows, and the Clusters page as an environment's first fleet arrives:
 * 50–70 ms on a cold JVM with C1 only, JFR, 2026-12-06; in halves each half was still ~60 ms with C2 on a busy
 * machine). For those frames the table is held short in the area it sits in, so its lower rows are made in the
 * frames after; the operator sees the rows fill downwards a frame apart. Later items reuse the rows made.
 */
public final class FirstRowsInParts {

    /**
     * Frames the first rows are made over. In thirds, Services' first load on a cold JVM was three stalls of 46–66 ms
     * of UI-thread work (a quiet soak, 2026-12-06); in fifths one of 60 ms (2026-12-07).
     */
    public static final int PARTS = 5;

    private FirstRowsInParts() {
    }

    /**
     * The area to put in the page instead of {@code table} (whose items list is the one it keeps): it keeps its size
     * while the table in it is held short, so nothing around it moves (a split pane would move its divider for good).
     */
    public static StackPane area(TableView<?> table) {
        StackPane area = new StackPane(table);
        StackPane.setAlignment(table, Pos.TOP_CENTER);
        table.getItems().addListener(new ListChangeListener<Object>() {
            @Override
            public void onChanged(Change<?> change) {
                if (table.getItems().isEmpty()) {
                    return;
                }
                table.getItems().removeListener(this);
                Scene scene = table.getScene();
                double height = table.getHeight();
                if (scene == null || height <= 0) {
                    return; // made with the table's first frame, as any page's content
                }
                double max = table.getMaxHeight();
                table.setMaxHeight(Math.ceil(height / PARTS));
                // After each frame that laid it out short, whenever the items came: a part more at the next pulse,
                // before its layout.
                scene.addPostLayoutPulseListener(new Runnable() {
                    private int shown = 1;

                    @Override
                    public void run() {
                        int next = ++shown;
                        if (next >= PARTS) {
                            scene.removePostLayoutPulseListener(this);
                        }
                        FirstFrames.afterPulses(1, () -> table.setMaxHeight(next >= PARTS ? max
                                : Math.ceil(height * next / PARTS)));
                    }
                });
            }
        });
        return area;
    }
}
