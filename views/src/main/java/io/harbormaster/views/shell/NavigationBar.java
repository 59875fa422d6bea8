package io.harbormaster.views.shell;

import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;

/** The sidebar: one entry per page, built from its action; the current page is the selected one. */
final class NavigationBar extends VBox {

    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();

    NavigationBar(ShellViewModel viewModel, ActionFactory actions) {
        super(2);
        setId("navigation");
        getStyleClass().add(HarbormasterStyles.NAV_BAR);
        for (PageContribution page : viewModel.contributions()) {
            ToggleButton button = actions.navButton(page.action(), "nav-" + page.id());
            // The button's own toggling is overridden: the view-model's page decides what is selected.
            button.setOnAction(event -> {
                viewModel.navigate(page.id());
                sync(viewModel.pageProperty().get());
            });
            buttons.put(page.id(), button);
            getChildren().add(button);
        }
        viewModel.pageProperty().addListener((obs, old, now) -> sync(now));
        sync(viewModel.pageProperty().get());
    }

    private void sync(String current) {
        buttons.forEach((page, button) -> button.setSelected(page.equals(current)));
    }
}
