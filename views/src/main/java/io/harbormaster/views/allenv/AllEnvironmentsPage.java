package io.harbormaster.views.allenv;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.page.Page;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import java.time.Instant;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.material2.Material2AL;

/** The All environments page: one Services table across every environment ticked, each of its own fleet. */
public final class AllEnvironmentsPage implements Page {

    public static final String ID = "allenv";

    private final AllEnvironmentsViewModel viewModel;

    private AllEnvironmentsPage(PageContext context, EnterEnvironment enter, LoadFleet load, RefreshFleet refresh) {
        viewModel = new AllEnvironmentsViewModel(context.environments(), context.openSessions(),
                context.fleetReads(enter, load, refresh), context.dialogs(), UiThread::runOnUi, context.repeater());
        viewModel.activeProperty().bind(context.shown());
    }

    public static PageContribution contribution(EnterEnvironment enter, LoadFleet load, RefreshFleet refresh) {
        return PageContribution.of(ID, "All envs", Material2AL.APPS, "Shortcut+Shift+A",
                "One Services table across every environment you tick, each row tagged with its environment",
                context -> new AllEnvironmentsPage(context, enter, load, refresh));
    }

    @Override
    public PageView createView() {
        AllEnvironmentsView view = new AllEnvironmentsView(viewModel);
        return new PageView(view, view::focusFilter);
    }

    @Override
    public ObservableValue<Instant> lastRefreshed() {
        return viewModel.oldestAsOfProperty();
    }

    @Override
    public ObservableValue<String> staleness() {
        return viewModel.stalenessProperty();
    }

    @Override
    public void refresh() {
        viewModel.load();
    }


    @Override
    public void hidden() {
        viewModel.hidden();
    }
    public AllEnvironmentsViewModel viewModel() {
        return viewModel;
    }
}
