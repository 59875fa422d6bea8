package io.harbormaster.views.split;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.environment.SandboxMarking;
import io.harbormaster.views.environment.SessionTimes;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.StaleBanner;
import io.harbormaster.views.shared.BuiltOnce;
import io.harbormaster.views.shared.IdPrefix;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The content area, alone or side by side. Closed: the current page as always. Open: the current page under its
 * environment's band on the left, and on the right the second environment under its own band, on any page (the
 * page choice in its band). Each half keeps the width the operator gave it whatever page it shows: a page wider
 * than its half is clipped, never allowed to push the other half away.
 */
public final class SideBySidePane extends StackPane {

    /** Narrower than this, a half's band cannot show its name and choices. */
    static final double MIN_HALF_WIDTH = 360;

    private final SplitPane split = new SplitPane();
    private final EnvironmentBand primaryBand;
    private final VBox secondHalf;
    private final SideBySideViewModel viewModel;
    private final StackPane secondContent = new StackPane();
    /** A page's view is built for the second half the first time it shows there, and kept. */
    private final BuiltOnce<Node> secondViews;

    public SideBySidePane(Node primaryContent, ObservableValue<EnvironmentSession> primary,
            SideBySideViewModel viewModel, SessionTimes times, ObservableValue<SandboxMarking> sandbox) {
        this.viewModel = viewModel;
        setId("side-by-side");
        primaryBand = new EnvironmentBand("primary-", primary, times, sandbox);
        VBox.setVgrow(primaryContent, Priority.ALWAYS);
        VBox primaryHalf = half(new VBox(primaryBand, primaryContent));

        EnvironmentBand secondBand = new EnvironmentBand("split-", viewModel.sessionProperty(), times, sandbox);
        secondBand.extra().getChildren().addAll(pageChoice(), environmentChoice(), closeButton());
        secondContent.setId("split-content");
        VBox.setVgrow(secondContent, Priority.ALWAYS);
        secondHalf = half(new VBox(secondBand, secondContent));
        secondHalf.setId("split-half");
        split.setId("split-pane");
        // The split always holds both halves: closed, the second is hidden, no wider than nothing, and the divider
        // with it. Neither half ever changes parent: a half taken out of the split and put back was styled again,
        // every node of its page, at each opening (the soak: 20-44 ms of UI-thread work each time).
        split.getItems().addAll(primaryHalf, secondHalf);
        split.skinProperty().addListener((obs, old, now) -> layout(viewModel.openProperty().get()));
        getChildren().add(split);
        secondViews = new BuiltOnce<>(key -> {
            Node made = StaleBanner.frame(viewModel.page(key), viewModel.page(key).createView().node());
            // The second half reuses page views; its ids get a prefix so the current environment's stay unique.
            IdPrefix.apply(made, "split-");
            return made;
        }, view -> {
            // Opened again on the page it showed: left where it is (taken out and put back, it is styled again).
            if (secondContent.getChildren().size() != 1 || secondContent.getChildren().get(0) != view) {
                secondContent.getChildren().setAll(view);
            }
        });

        viewModel.pageProperty().addListener((obs, old, now) -> secondViews.show(now));
        viewModel.openProperty().addListener((obs, was, now) -> layout(now));
        layout(viewModel.openProperty().get());
    }

    /** A half clips what it shows and is never squeezed below a usable width by its neighbour's page. */
    private static VBox half(VBox half) {
        half.getStyleClass().add(HarbormasterStyles.SPLIT_HALF);
        half.setMinWidth(MIN_HALF_WIDTH);
        half.setPrefWidth(MIN_HALF_WIDTH);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(half.widthProperty());
        clip.heightProperty().bind(half.heightProperty());
        half.setClip(clip);
        return half;
    }

    private ComboBox<PageContribution> pageChoice() {
        ComboBox<PageContribution> choice = new ComboBox<>();
        choice.getItems().setAll(viewModel.contributions());
        choice.setId("split-page");
        choice.setMinWidth(Region.USE_PREF_SIZE);
        choice.setTooltip(ActionFactory.tooltip("The page the second environment shows"));
        choice.setCellFactory(list -> new PageCell());
        choice.setButtonCell(new PageCell());
        Runnable follow = () -> viewModel.contributions().stream()
                .filter(c -> c.id().equals(viewModel.pageProperty().get())).findFirst().ifPresent(choice::setValue);
        follow.run();
        viewModel.pageProperty().addListener((obs, old, now) -> follow.run());
        choice.setOnAction(event -> {
            if (choice.getValue() != null) {
                viewModel.navigate(choice.getValue().id());
            }
        });
        return choice;
    }

    private ComboBox<Environment> environmentChoice() {
        ComboBox<Environment> choice = new ComboBox<>(viewModel.environments());
        choice.setId("split-choice");
        choice.setPromptText("Environment…");
        choice.setMinWidth(Region.USE_PREF_SIZE);
        choice.setCellFactory(list -> new EnvironmentCell());
        choice.setButtonCell(new EnvironmentCell());
        choice.setOnAction(event -> {
            if (choice.getValue() != null) {
                viewModel.choose(choice.getValue());
            }
        });
        Runnable follow = () -> {
            EnvironmentSession now = viewModel.sessionProperty().get();
            if (now != null && (choice.getValue() == null || !choice.getValue().id().equals(now.environment().id()))) {
                choice.setValue(now.environment());
            }
        };
        viewModel.sessionProperty().addListener((obs, old, now) -> follow.run());
        // The bar's list is rebuilt when environments are edited or detected: keep the choice showing where we are.
        viewModel.environments().addListener((javafx.collections.ListChangeListener<Environment>) c -> {
            choice.setValue(null);
            follow.run();
        });
        return choice;
    }

    private Button closeButton() {
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.setId("split-close");
        close.setTooltip(ActionFactory.tooltip("Close the second environment"));
        close.setOnAction(event -> viewModel.close());
        return close;
    }

    private void layout(boolean open) {
        primaryBand.setVisible(open);
        primaryBand.setManaged(open);
        secondHalf.setVisible(open);
        secondHalf.setMinWidth(open ? MIN_HALF_WIDTH : 0);
        secondHalf.setMaxWidth(open ? Double.MAX_VALUE : 0);
        // The divider is the skin's: there once the split is skinned (this runs again then). Its own class, not the
        // split's, so that nothing but the divider is styled again.
        for (Node divider : split.getChildrenUnmodifiable()) {
            if (!divider.getStyleClass().contains("split-pane-divider")) {
                continue; // a half's wrapper
            }
            divider.setVisible(open);
            if (open) {
                divider.getStyleClass().remove(HarbormasterStyles.SPLIT_DIVIDER_CLOSED);
            } else if (!divider.getStyleClass().contains(HarbormasterStyles.SPLIT_DIVIDER_CLOSED)) {
                divider.getStyleClass().add(HarbormasterStyles.SPLIT_DIVIDER_CLOSED);
            }
        }
        if (open) {
            secondViews.show(viewModel.pageProperty().get());
        }
        split.setDividerPositions(open ? 0.5 : 1);
    }

    /** A page's title and icon; the icons made once per cell (finding an icon's font is a search of them all). */
    private static final class PageCell extends ListCell<PageContribution> {
        private final Map<PageContribution, FontIcon> icons = new HashMap<>();

        @Override
        protected void updateItem(PageContribution page, boolean empty) {
            super.updateItem(page, empty);
            setText(empty || page == null ? null : page.title());
            setGraphic(empty || page == null ? null
                    : icons.computeIfAbsent(page, p -> new FontIcon(p.action().icon())));
        }
    }

    private static final class EnvironmentCell extends ListCell<Environment> {
        @Override
        protected void updateItem(Environment environment, boolean empty) {
            super.updateItem(environment, empty);
            setText(empty || environment == null ? null
                    : environment.displayName() + (environment.production() ? "  (PRODUCTION)" : ""));
        }
    }
}
