package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A page's first visit split across frames: its view built in one event and in the window after it, its tables' rows a
 * frame after the table, its tabs when opened.
 */
@ExtendWith(ApplicationExtension.class)
class FirstVisitTest {

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    @Test
    void aTablesRowsComeTheFrameAfterItFirstShowsWithNoPlaceholderMeanwhileThenFollowEveryChange(FxRobot robot)
            throws Exception {
        ObservableList<String> rows = FXCollections.observableArrayList("a", "b", "c");
        TableView<String> table = new TableView<>();
        Label none = new Label("No rows");
        List<Integer> shownAtEachPulse = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            table.setItems(RowsAfterFirstFrame.of(table, rows));
            table.setPlaceholder(none);
            assertThat(table.getItems()).as("not shown yet").isEmpty();
            root.getChildren().setAll(table);
            root.getScene().addPostLayoutPulseListener(() -> shownAtEachPulse.add(table.getItems().size()));
            assertThat(table.getPlaceholder()).as("no \"No rows\" for a frame").isNotSameAs(none);
        });

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        assertThat(shownAtEachPulse).as("rows at each pulse from the table's first").startsWith(0).contains(3);
        assertThat(onFx(table::getPlaceholder) == none).as("its placeholder back").isTrue();
        robot.interact(() -> rows.add("d"));
        assertThat(table.getItems()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aTabsContentJoinsItsPaneWhenTheTabIsFirstSelected(FxRobot robot) throws Exception {
        Label first = new Label("first");
        Label second = new Label("second");
        Label later = new Label("later");
        Tab secondTab = new Tab("Second", second);
        Tab laterTab = new Tab("Later", later);
        TabPane tabs = new TabPane(new Tab("First", first), secondTab);
        robot.interact(() -> {
            TabContents.whenFirstSelected(tabs);
            tabs.getTabs().add(laterTab);
            root.getChildren().setAll(tabs);
        });

        assertThat(onFx(first::getScene)).as("the selected tab's content").isNotNull();
        assertThat(second.getScene()).as("an unopened tab's").isNull();
        assertThat(laterTab.getContent()).as("a tab added later").isNull();
        assertThat(List.<Node>of(TabContents.contentOf(secondTab), TabContents.contentOf(laterTab)))
                .containsExactly(second, later);

        robot.interact(() -> tabs.getSelectionModel().select(secondTab));
        assertThat(secondTab.getContent()).isSameAs(second);
        assertThat(onFx(second::getScene)).isNotNull();
        robot.interact(() -> tabs.getSelectionModel().select(0));
        assertThat(secondTab.getContent()).as("kept once shown").isSameAs(second);
    }

    @Test
    void aTabMadeLaterIsMadeInAPulseOfItsOwnAfterThePaneShowsAndJoinsItWhenFirstSelected(FxRobot robot)
            throws Exception {
        List<String> made = new CopyOnWriteArrayList<>();
        List<Long> madeAtPulse = new CopyOnWriteArrayList<>();
        long[] pulses = {0};
        Tab shown = new Tab("Shown");
        Tab hidden = new Tab("Hidden");
        Tab chosenSoon = new Tab("Chosen soon");
        TabPane tabs = new TabPane(shown, hidden, chosenSoon);
        tabs.setId("tabs");
        robot.interact(() -> {
            root.getScene().addPreLayoutPulseListener(() -> pulses[0]++);
            TabContents.madeLater(tabs, shown, () -> label(made, "shown"), 3);
            TabContents.madeLater(tabs, hidden, () -> {
                madeAtPulse.add(pulses[0]);
                return label(made, "hidden");
            }, 3);
            TabContents.madeLater(tabs, chosenSoon, () -> label(made, "chosen soon"), 50);
            assertThat(made).as("the selected tab's, at once").containsExactly("shown");
            IdPrefix.apply(tabs, "side-");
        });
        long shownAt = onFx(() -> pulses[0]);
        robot.interact(() -> root.getChildren().setAll(tabs));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> made.contains("hidden"));
        assertThat(madeAtPulse.get(0)).as("some pulses after the pane showed").isGreaterThan(shownAt + 1);
        assertThat(hidden.getContent()).as("held, not styled while its tab is hidden").isNull();
        Node held = TabContents.contentOf(hidden);
        assertThat(held.getId()).as("with the pane's prefix").isEqualTo("side-hidden");
        assertThat(TabContents.contentOf(chosenSoon)).as("not made yet").isNull();

        robot.interact(() -> tabs.getSelectionModel().select(chosenSoon));
        assertThat(chosenSoon.getContent()).as("made as it was chosen").isNotNull();
        robot.interact(() -> tabs.getSelectionModel().select(hidden));
        assertThat(hidden.getContent()).isSameAs(held);
        assertThat(onFx(held::getScene)).isNotNull();
        Thread.sleep(1200); // past the 50 pulses of the one chosen soon
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(made).as("each made once").containsExactlyInAnyOrder("shown", "hidden", "chosen soon");
    }

    private static Label label(List<String> made, String text) {
        made.add(text);
        Label label = new Label(text);
        label.setId(text.replace(' ', '-'));
        return label;
    }

    @Test
    void aViewIsBuiltOnceAndJoinsTheWindowAfterTheEventThatAskedForIt(FxRobot robot) throws Exception {
        List<String> builds = new CopyOnWriteArrayList<>();
        List<String> focused = new CopyOnWriteArrayList<>();
        BuiltOnce<Label> views = new BuiltOnce<>(id -> {
            builds.add(id);
            return new Label(id);
        }, view -> root.getChildren().setAll(view));
        robot.interact(() -> {
            views.show("a");
            views.whenAttached(() -> focused.add(views.current().getText()));
            assertThat(root.getChildren()).as("built in this event, not yet in the window").isEmpty();
            assertThat(focused).as("what waits for it").isEmpty();
        });
        assertThat(onFx(() -> ((Label) root.getChildren().get(0)).getText())).isEqualTo("a");
        assertThat(focused).containsExactly("a");

        robot.interact(() -> {
            views.show("b");
            views.show("a");
            assertThat(((Label) root.getChildren().get(0)).getText()).as("built before: at once").isEqualTo("a");
        });
        assertThat(onFx(() -> ((Label) root.getChildren().get(0)).getText()))
                .as("b, asked for first, does not come after a").isEqualTo("a");
        robot.interact(() -> views.show("b"));
        assertThat(onFx(() -> ((Label) root.getChildren().get(0)).getText())).isEqualTo("b");
        assertThat(builds).as("each built once").containsExactly("a", "b");
    }

    @Test
    void aPrefixedViewsNodesBuiltLaterTakeThePrefixOfTheNodeTheyJoin() {
        javafx.scene.layout.VBox holder = new javafx.scene.layout.VBox(new Label("none"));
        holder.setId("detail");
        Label inside = new Label("inside");
        inside.setId("detail-title");
        holder.getChildren().add(inside);

        IdPrefix.apply(holder, "split-");
        assertThat(List.of(holder.getId(), inside.getId())).containsExactly("split-detail", "split-detail-title");
        Label builtLater = new Label("later");
        builtLater.setId("detail-tabs");
        IdPrefix.follow(holder, builtLater);
        assertThat(builtLater.getId()).isEqualTo("split-detail-tabs");
        Label elsewhere = new Label();
        elsewhere.setId("other");
        IdPrefix.follow(new javafx.scene.layout.VBox(), elsewhere);
        assertThat(elsewhere.getId()).as("joining a node not prefixed").isEqualTo("other");
    }

    @Test
    void aHiddenPartIsBuiltWhenFirstShownWithThePrefixOfItsSlotAndHidesAsItDoes(FxRobot robot) throws Exception {
        javafx.beans.property.BooleanProperty picked = new javafx.beans.property.SimpleBooleanProperty();
        List<Label> built = new CopyOnWriteArrayList<>();
        javafx.scene.layout.VBox page = new javafx.scene.layout.VBox();
        page.setId("page");
        robot.interact(() -> {
            StackPane slot = LaterPart.whenShown("detail-slot", picked.and(picked), () -> {
                Label detail = new Label("detail");
                detail.setId("detail");
                detail.visibleProperty().bind(picked);
                detail.managedProperty().bind(detail.visibleProperty());
                built.add(detail);
                return detail;
            });
            page.getChildren().setAll(new Label("always"), slot);
            IdPrefix.apply(page, "split-");
            root.getChildren().setAll(page);
        });
        System.gc(); // the binding made for the call must outlive it
        assertThat(built).as("hidden: not built").isEmpty();
        StackPane slot = (StackPane) page.getChildren().get(1);
        assertThat(List.of(slot.isVisible(), slot.isManaged())).as("an empty slot takes no room").containsOnly(false);

        robot.interact(() -> picked.set(true));
        assertThat(built).hasSize(1);
        assertThat(built.get(0).getId()).isEqualTo("split-detail");
        assertThat(onFx(() -> List.of(slot.isVisible(), slot.isManaged()))).containsOnly(true);
        robot.interact(() -> picked.set(false));
        assertThat(onFx(() -> List.of(slot.isVisible(), slot.isManaged()))).as("hidden with its part")
                .containsOnly(false);
        robot.interact(() -> picked.set(true));
        assertThat(built).as("built once").hasSize(1);
    }

    @Test
    void aPartThatCanWaitJoinsItsSlotPulsesAfterThePageFirstShows(FxRobot robot) throws Exception {
        List<Boolean> joinedAtEachPulse = new CopyOnWriteArrayList<>();
        Label bottom = new Label("bottom");
        StackPane slot = LaterPart.afterPulses("bottom-slot", 3, () -> bottom);
        robot.interact(() -> {
            root.getChildren().setAll(new javafx.scene.layout.VBox(new Label("top"), slot));
            root.getScene().addPostLayoutPulseListener(() -> joinedAtEachPulse.add(bottom.getParent() != null));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bottom.getParent() == slot);
        assertThat(joinedAtEachPulse).as("laid out at each pulse from the page's first").startsWith(false, false)
                .contains(true);
        assertThat(onFx(() -> List.of(slot.isVisible(), slot.isManaged()))).containsOnly(true);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
