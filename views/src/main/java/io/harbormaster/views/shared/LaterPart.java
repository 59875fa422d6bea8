package io.harbormaster.views.shared;

import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A part of a page built after the page, in a slot of its own: a page's first frame styles and lays out every node
 * it holds, and on a cold JVM the parts nobody sees yet (a host's detail, hidden until a host is picked) or that can
 * come a frame later (a second table) made that one frame 50–70 ms of UI-thread work. Apart, each costs a frame of
 * its own. A side-by-side copy's id prefix reaches the part through the slot's id.
 */
public final class LaterPart {

    private LaterPart() {
    }

    /**
     * A slot for what {@code build} makes the first time {@code shown} is true (at once if it is): hidden and out of
     * the layout until then, and afterwards shown and laid out as what it holds is (the part's own bindings).
     */
    public static StackPane whenShown(String id, ObservableValue<Boolean> shown, Supplier<? extends Node> build) {
        StackPane slot = slot(id);
        // A binding made for the call (isNotNull()) is only weakly held by what it observes: the slot holds it.
        slot.getProperties().put(LaterPart.class, shown);
        WhenFirst.isTrue(shown, () -> {
            slot.getProperties().remove(LaterPart.class);
            fill(slot, build);
        });
        return slot;
    }

    /**
     * A slot for what {@code build} makes at the {@code pulses}th pulse after the slot is first in a scene (the
     * first of them styles and lays out the page the slot is in): empty until then, laid out as what it holds after.
     */
    public static StackPane afterPulses(String id, int pulses, Supplier<? extends Node> build) {
        StackPane slot = slot(id);
        FirstFrames.after(slot, pulses, () -> fill(slot, build));
        return slot;
    }

    private static StackPane slot(String id) {
        StackPane slot = new StackPane();
        slot.setId(id);
        slot.setVisible(false);
        slot.setManaged(false);
        return slot;
    }

    private static void fill(StackPane slot, Supplier<? extends Node> build) {
        Node part = build.get();
        IdPrefix.follow(slot, part);
        slot.getChildren().setAll(part);
        slot.visibleProperty().bind(part.visibleProperty());
        slot.managedProperty().bind(part.managedProperty());
    }
}
