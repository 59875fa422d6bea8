package io.harbormaster.views.shell;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.actions.StandardAction;
import io.harbormaster.views.environment.EnvironmentBar;
import io.harbormaster.views.page.PageCommand;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import io.harbormaster.views.page.StaleBanner;
import io.harbormaster.views.palette.PaletteView;
import io.harbormaster.views.restart.RestartNoticeView;
import io.harbormaster.views.shared.BuiltOnce;
import io.harbormaster.views.split.SideBySidePane;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Environment bar on top, navigation on the left, the current page in the middle, status at the bottom. */
public final class ShellView extends BorderPane {

    private final ShellViewModel viewModel;
    private final ActionFactory actions;
    private final StackPane content = new StackPane();
    private final BuiltOnce<PageView> pages;
    private final EnvironmentBar environmentBar;
    private final Menu environmentMenu = new Menu("Environment");
    /**
     * Built the first time the palette opens: with its list, search field and stylesheet it was a tenth of the
     * nodes the first window styled and laid out, all hidden.
     */
    private PaletteView palette;

    public ShellView(ShellViewModel viewModel, ActionFactory actions) {
        this.viewModel = viewModel;
        this.actions = actions;
        setId("shell");
        getStyleClass().add(HarbormasterStyles.SHELL);

        environmentBar = new EnvironmentBar(viewModel.environmentBar());
        RestartNoticeView notice = new RestartNoticeView(viewModel.restartNotice());
        VBox.setMargin(notice, new javafx.geometry.Insets(6, 12, 0, 12));
        setTop(new VBox(menuBar(), environmentBar, notice));
        setLeft(new NavigationBar(viewModel, actions));
        content.setId("content");
        content.getStyleClass().add(HarbormasterStyles.CONTENT);
        viewModel.palette().showingProperty().addListener((obs, was, showing) -> {
            if (showing && palette == null) {
                palette = new PaletteView(viewModel.palette());
                content.getChildren().add(palette);
            }
        });
        environmentBar.showSessionTimes(viewModel.sessionTimes());
        setCenter(new SideBySidePane(content, viewModel.environmentBar().sessionProperty(), viewModel.sideBySide(),
                viewModel.sessionTimes(), viewModel.sandboxProperty()));
        setBottom(new StatusBar(viewModel.statusBar()));

        // A page's view is built the first time it shows, and kept; it shows under its stale banner.
        pages = new BuiltOnce<>(id -> {
            PageView made = viewModel.page(id).createView();
            return new PageView(StaleBanner.frame(viewModel.page(id), made.node()), made.focusFilter());
        }, this::attach);
        viewModel.pageProperty().addListener((obs, old, now) -> pages.show(now));
        pages.showAtOnce(viewModel.pageProperty().get());
    }

    public EnvironmentBar environmentBar() {
        return environmentBar;
    }

    /** Ctrl+F: the current page's filter, if it has one; on a page just built, once it is in the window. */
    public void focusFilter() {
        pages.whenAttached(() -> {
            PageView shown = pages.current();
            if (shown != null) {
                shown.focusFilter().run();
            }
        });
    }

    /**
     * Shows a page's view and hides the others, all kept in the window: a page taken out and put back was styled
     * afresh as a whole (JavaFX re-applies CSS to a subtree whose parent changes), 67–81 ms of the UI thread's work
     * on the Services page in a soak's second round, the CSS pass. Hidden, a page is neither drawn nor laid out by
     * the content area (not managed), and takes no clicks. The palette stays on top of whichever page shows.
     */
    private void attach(PageView view) {
        Node shown = view.node();
        if (shown.getParent() != content) {
            int top = palette == null ? content.getChildren().size() : content.getChildren().indexOf(palette);
            content.getChildren().add(top, shown);
        }
        for (Node page : content.getChildren()) {
            if (page != palette) {
                page.setVisible(page == shown);
                page.setManaged(page == shown);
            }
        }
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        file.getItems().addAll(actions.menuItem(StandardAction.ENVIRONMENTS),
                actions.menuItem(StandardAction.RELOAD_AWS), new SeparatorMenuItem(),
                actions.menuItem(StandardAction.OPEN_SANDBOX), actions.menuItem(StandardAction.OPEN_OWN_AWS),
                new SeparatorMenuItem(), actions.menuItem(StandardAction.QUIT));
        Menu view = new Menu("View");
        for (PageContribution page : viewModel.contributions()) {
            view.getItems().add(actions.menuItem(page.action()));
        }
        for (PageContribution page : viewModel.contributions()) {
            for (PageCommand command : viewModel.page(page.id()).commands()) {
                view.getItems().add(actions.menuItem(command.action()));
            }
        }
        view.getItems().addAll(new SeparatorMenuItem(), actions.menuItem(StandardAction.PALETTE),
                actions.menuItem(StandardAction.FILTER),
                actions.menuItem(StandardAction.REFRESH), actions.menuItem(StandardAction.TOGGLE_THEME),
                new SeparatorMenuItem(), actions.menuItem(StandardAction.SIDE_BY_SIDE));
        environmentMenu.setId("menu-environment");
        viewModel.environmentBar().environments().addListener((ListChangeListener<Environment>) c -> fillEnvironments());
        fillEnvironments();
        Menu help = new Menu("Help", null, actions.menuItem(StandardAction.SHORTCUTS),
                actions.menuItem(StandardAction.README), new SeparatorMenuItem(),
                actions.menuItem(StandardAction.ABOUT));
        help.setId("menu-help");
        MenuBar bar = new MenuBar(file, view, environmentMenu, help);
        bar.setId("menu-bar");
        return bar;
    }

    private void fillEnvironments() {
        environmentMenu.getItems().clear();
        var environments = viewModel.environmentBar().environments();
        for (int i = 0; i < environments.size(); i++) {
            Environment environment = environments.get(i);
            MenuItem item = new MenuItem(environment.displayName() + (environment.production() ? "  (PRODUCTION)" : ""));
            item.setId("menu-env-" + environment.id());
            StandardAction.environmentKey(i + 1).ifPresent(item::setAccelerator);
            item.setOnAction(event -> viewModel.environmentBar().enter(environment));
            environmentMenu.getItems().add(item);
        }
        if (environments.isEmpty()) {
            MenuItem none = new MenuItem("No environments defined");
            none.setDisable(true);
            environmentMenu.getItems().add(none);
        }
    }
}
