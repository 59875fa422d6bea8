package io.harbormaster.views.shell;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.actions.StandardAction;
import io.harbormaster.views.allenv.AllEnvironmentsView;
import io.harbormaster.views.clusters.ClustersView;
import io.harbormaster.views.compare.CompareView;
import io.harbormaster.views.environment.EnvironmentBar;
import io.harbormaster.views.hosts.HostsView;
import io.harbormaster.views.metrics.MetricsView;
import io.harbormaster.views.palette.PaletteView;
import io.harbormaster.views.services.ServicesView;
import io.harbormaster.views.scale.ScaleServiceAction;
import io.harbormaster.views.scale.ScaleTarget;
import io.harbormaster.views.split.SideBySidePane;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.binding.Bindings;
import java.util.EnumMap;
import java.util.Map;
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
    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final EnvironmentBar environmentBar;
    private final Menu environmentMenu = new Menu("Environment");
    private final ScaleServiceAction scaleService;
    private final PaletteView palette;

    public ShellView(ShellViewModel viewModel, ActionFactory actions) {
        this.viewModel = viewModel;
        this.actions = actions;
        setId("shell");
        getStyleClass().add(HarbormasterStyles.SHELL);

        environmentBar = new EnvironmentBar(viewModel.environmentBar());
        setTop(new VBox(menuBar(), environmentBar));
        setLeft(new NavigationBar(viewModel, actions));
        content.setId("content");
        content.getStyleClass().add(HarbormasterStyles.CONTENT);
        palette = new PaletteView(viewModel.palette());
        environmentBar.showSessionTimes(viewModel.sessionTimes());
        scaleService = new ScaleServiceAction(viewModel.scaleService(), viewModel.writeGuard(),
                viewModel.executor(), viewModel.dialogs(), () -> getScene() == null ? null : getScene().getWindow());
        setCenter(new SideBySidePane(content, viewModel.environmentBar().sessionProperty(), viewModel.sideBySide(),
                viewModel.sessionTimes()));
        setBottom(new StatusBar(viewModel.statusBar()));

        viewModel.pageProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.pageProperty().get());
    }

    public EnvironmentBar environmentBar() {
        return environmentBar;
    }

    /** Ctrl+F: the current page's filter, if it has one. */
    public void focusFilter() {
        Node shown = pages.get(viewModel.pageProperty().get());
        if (shown instanceof ClustersView clusters) {
            clusters.focusFilter();
        } else if (shown instanceof ServicesView services) {
            services.focusFilter();
        } else if (shown instanceof AllEnvironmentsView all) {
            all.focusFilter();
        }
    }

    private void show(Page page) {
        Node node = pages.computeIfAbsent(page, this::build);
        // The palette stays on top of whichever page shows; hidden, it takes no clicks.
        content.getChildren().setAll(node, palette);
    }

    private Node build(Page page) {
        if (page == Page.CLUSTERS) {
            return new ClustersView(viewModel.clusters(), viewModel::refresh);
        }
        if (page == Page.SERVICES) {
            ServicesView services = new ServicesView(viewModel.services(), viewModel, viewModel::refresh);
            services.addHeaderAction(scaleService.button(viewModel.environmentBar().sessionProperty(),
                    Bindings.createObjectBinding(() -> viewModel.services().detailProperty().get() == null ? null
                            : ScaleTarget.of(viewModel.services().detailProperty().get().service()),
                            viewModel.services().detailProperty()), viewModel::refresh));
            return services;
        }
        if (page == Page.ALL_ENVIRONMENTS) {
            return new AllEnvironmentsView(viewModel.allEnvironments());
        }
        if (page == Page.COMPARE) {
            return new CompareView(viewModel.compare());
        }
        if (page == Page.HOSTS) {
            return new HostsView(viewModel.hosts());
        }
        if (page == Page.METRICS) {
            return new MetricsView(viewModel.metrics(), viewModel, java.time.ZoneId.systemDefault());
        }
        return new PlaceholderView(page);
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        file.getItems().addAll(actions.menuItem(StandardAction.ENVIRONMENTS),
                actions.menuItem(StandardAction.OPEN_SANDBOX), new SeparatorMenuItem(),
                actions.menuItem(StandardAction.QUIT));
        Menu view = new Menu("View");
        for (Page page : Page.values()) {
            view.getItems().add(actions.menuItem(page.action()));
        }
        view.getItems().addAll(actions.menuItem(StandardAction.SHOW_NOISE_MAP), actions.menuItem(StandardAction.SHOW_LOGS));
        view.getItems().addAll(new SeparatorMenuItem(), actions.menuItem(StandardAction.PALETTE),
                actions.menuItem(StandardAction.FILTER),
                actions.menuItem(StandardAction.REFRESH), actions.menuItem(StandardAction.TOGGLE_THEME),
                new SeparatorMenuItem(), actions.menuItem(StandardAction.SIDE_BY_SIDE));
        environmentMenu.setId("menu-environment");
        viewModel.environmentBar().environments().addListener((ListChangeListener<Environment>) c -> fillEnvironments());
        fillEnvironments();
        Menu help = new Menu("Help", null, actions.menuItem(StandardAction.ABOUT));
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
