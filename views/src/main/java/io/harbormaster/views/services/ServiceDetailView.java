package io.harbormaster.views.services;

import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.shared.FirstFrames;
import io.harbormaster.views.shared.FirstRowsInParts;
import io.harbormaster.views.shared.RowsAfterFirstFrame;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.shared.IdPrefix;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Below the services: the selected one's detail, or a line saying to select one. The detail (its tabs, tables and
 * actions) is built a few frames after the page first shows and put in the window, hidden, in the event after: built
 * with the page it was a third of the page's build, and styled with the page's first frame; put in the window only
 * at the first selection, its styling made that click's frame twice as long. A selection before then builds it at
 * once.
 */
final class ServiceDetailView extends VBox {

    /**
     * After the page's own frame and its rows' ({@link RowsAfterFirstFrame}, made in parts by {@link FirstRowsInParts}),
     * each a pulse of its own: built in the pulse of the rows' last part, the two were 45 ms of work (C1, JFR).
     */
    private static final int BUILT_AFTER_FRAMES = RowsAfterFirstFrame.FRAMES_HELD + FirstRowsInParts.PARTS;

    private final ServicesViewModel viewModel;
    private final FleetNavigator navigator;
    private final List<Consumer<ServiceDetailContent>> decorations = new ArrayList<>();
    private ServiceDetailContent content;

    ServiceDetailView(ServicesViewModel viewModel, FleetNavigator navigator) {
        this.viewModel = viewModel;
        this.navigator = navigator;
        setId("service-detail");
        getStyleClass().add(FleetStyles.DETAIL);
        Label none = new Label("Select a service to see its deployments, events, containers and tasks.");
        none.getStyleClass().add(HarbormasterStyles.PLACEHOLDER_TEXT);
        none.visibleProperty().bind(viewModel.detailProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        getChildren().add(none);
        viewModel.detailProperty().addListener((obs, old, now) -> showIfSelected());
        showIfSelected();
        FirstFrames.after(this, BUILT_AFTER_FRAMES, () -> {
            build();
            UiThread.later(this::attach);
        });
    }

    /** Runs {@code decorate} on the detail once built (now, if it is): a page's own tabs and actions. */
    void whenBuilt(Consumer<ServiceDetailContent> decorate) {
        if (content != null) {
            decorate.accept(content);
        } else {
            decorations.add(decorate);
        }
    }

    private void showIfSelected() {
        if (viewModel.detailProperty().get() != null) {
            build();
            attach();
        }
    }

    private void build() {
        if (content != null) {
            return;
        }
        content = new ServiceDetailContent(viewModel, navigator);
        decorations.forEach(decorate -> decorate.accept(content));
        decorations.clear();
        IdPrefix.follow(this, content);
    }

    private void attach() {
        if (content.getParent() == null) {
            getChildren().add(content);
        }
    }
}
