package io.harbormaster.views.shared;

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

    private static void hold(Tab tab) {
        if (tab.isSelected() || tab.getContent() == null) {
            return;
        }
        tab.getProperties().put(HELD, tab.getContent());
        tab.setContent(null);
        WhenFirst.isTrue(tab.selectedProperty(), () -> tab.setContent((Node) tab.getProperties().remove(HELD)));
    }
}
