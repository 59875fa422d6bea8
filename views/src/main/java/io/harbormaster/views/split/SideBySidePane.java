package io.harbormaster.views.split;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.clusters.ClustersView;
import io.harbormaster.views.environment.SessionTimes;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The content area, alone or side by side. Closed: the current page as always. Open: the current page under its
 * environment's band on the left, and the second environment's clusters under its own band on the right.
 */
public final class SideBySidePane extends StackPane {

    private final Node primaryContent;
    private final SplitPane split = new SplitPane();
    private final VBox primaryHalf;

    public SideBySidePane(Node primaryContent, ObservableValue<EnvironmentSession> primary,
            SideBySideViewModel viewModel, SessionTimes times) {
        this.primaryContent = primaryContent;
        setId("side-by-side");
        EnvironmentBand primaryBand = new EnvironmentBand("primary-", primary, times);
        primaryHalf = new VBox(primaryBand);
        primaryHalf.getStyleClass().add(HarbormasterStyles.SPLIT_HALF);

        EnvironmentBand secondBand = new EnvironmentBand("split-", viewModel.sessionProperty(), times);
        ComboBox<Environment> choice = new ComboBox<>(viewModel.environments());
        choice.setId("split-choice");
        choice.setPromptText("Environment…");
        choice.setPrefWidth(170);
        choice.setCellFactory(list -> new EnvironmentCell());
        choice.setButtonCell(new EnvironmentCell());
        choice.setOnAction(event -> {
            if (choice.getValue() != null) {
                viewModel.choose(choice.getValue());
            }
        });
        viewModel.sessionProperty().addListener((obs, old, now) -> {
            if (now != null && (choice.getValue() == null || !choice.getValue().id().equals(now.environment().id()))) {
                choice.setValue(now.environment());
            }
        });
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.setId("split-close");
        close.setTooltip(ActionFactory.tooltip("Close the second environment"));
        close.setOnAction(event -> viewModel.close());
        secondBand.extra().getChildren().addAll(choice, close);

        Node clusters = new ClustersView(viewModel.clusters(), viewModel::refresh);
        prefixIds(clusters, "split-");
        VBox secondHalf = new VBox(secondBand, clusters);
        secondHalf.setId("split-half");
        VBox.setVgrow(clusters, Priority.ALWAYS);
        split.setId("split-pane");
        split.getItems().addAll(primaryHalf, secondHalf);

        viewModel.openProperty().addListener((obs, was, now) -> layout(now));
        layout(viewModel.openProperty().get());
    }

    private void layout(boolean open) {
        if (open) {
            primaryHalf.getChildren().setAll(primaryHalf.getChildren().get(0), primaryContent);
            VBox.setVgrow(primaryContent, Priority.ALWAYS);
            getChildren().setAll(split);
            split.setDividerPositions(0.5);
        } else {
            primaryHalf.getChildren().remove(primaryContent);
            getChildren().setAll(primaryContent);
        }
    }

    /** The second half reuses page views; its ids get a prefix so the current environment's stay unique. */
    private static void prefixIds(Node node, String prefix) {
        if (node.getId() != null) {
            node.setId(prefix + node.getId());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> prefixIds(child, prefix));
        }
        if (node instanceof javafx.scene.control.TableView<?> table && table.getPlaceholder() != null) {
            prefixIds(table.getPlaceholder(), prefix);
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
