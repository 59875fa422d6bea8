package io.harbormaster.views.shared;

import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * A tab's content put in the tab pane the first time the tab is selected. JavaFX's tab pane styles and lays out
 * every tab's content at full size, shown or not (tables create their cells in tabs nobody opened): a page's first
 * visit paid for all its tabs in one frame. Held back, each tab costs its frame when first opened, and a page with
 * five tabs costs one.
 */
public final class TabContents {

    private static final String HELD = TabContents.class.getName() + ".held";

    private TabContents() {
    }

    /** Every tab of {@code tabs} but the selected one, now and added later, gets its content when first selected. */
    public static void whenFirstSelected(TabPane tabs) {
        tabs.getTabs().forEach(TabContents::hold);
        tabs.getTabs().addListener((ListChangeListener<Tab>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(TabContents::hold);
            }
        });
    }

    /** What the tab shows once selected: its content, or what is held back until then. */
    public static Node contentOf(Tab tab) {
        Object held = tab.getProperties().get(HELD);
        return held instanceof Node node ? node : tab.getContent();
    }

    /**
     * A tab of {@code tabs} whose content is not even made with the page: at once if the tab is selected now, else
     * in a pulse of its own {@code frames} pulses after {@code tabs} first shows (or as it is first selected, if
     * that comes sooner), held until then like {@link #whenFirstSelected}'s. A page's first visit paid for making
     * every tab's content in one event: the Metrics page's noise map and logs were most of its 37 ms of UI-thread
     * work on a cold JVM (soak, 2026-12-07). Content made while its tab is hidden follows the ids' prefix of
     * {@code tabs} ({@link IdPrefix}).
     */
    public static void madeLater(TabPane tabs, Tab tab, Supplier<? extends Node> content, int frames) {
        if (tab.isSelected()) {
            tab.setContent(content.get());
            return;
        }
        Node[] made = new Node[1];
        Runnable make = () -> {
            if (made[0] == null) {
                made[0] = content.get();
                IdPrefix.follow(tabs, made[0]);
                if (!tab.isSelected()) {
                    tab.getProperties().put(HELD, made[0]);
                }
            }
        };
        FirstFrames.after(tabs, frames, make);
        WhenFirst.isTrue(tab.selectedProperty(), () -> {
            make.run();
            tab.getProperties().remove(HELD);
            tab.setContent(made[0]);
        });
    }

    private static void hold(Tab tab) {
        if (tab.isSelected() || tab.getContent() == null) {
            return;
        }
        tab.getProperties().put(HELD, tab.getContent());
        tab.setContent(null);
        WhenFirst.isTrue(tab.selectedProperty(), () -> tab.setContent((Node) tab.getProperties().remove(HELD)));
    }
}
