package io.harbormaster.views.hosts;

import io.harbormaster.model.fleet.StopTask;
import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.page.FleetPage;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import io.harbormaster.views.stoptask.StopTaskAction;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.material2.Material2AL;

/** The Hosts page: every container instance of the fleet and how its tasks are packed, measured use on demand. */
public final class HostsPage extends FleetPage {

    public static final String ID = "hosts";

    private final HostsViewModel viewModel;
    private final StopTask stopTask;
    private final ObjectBinding<Instant> asOf;

    private HostsPage(PageContext context, MetricsDependencies metrics, StopTask stopTask) {
        super(context);
        this.stopTask = stopTask;
        viewModel = new HostsViewModel(fleet(), context.executor());
        viewModel.measureWith(metrics.fetchMetrics(), metrics.clock());
        viewModel.activeProperty().bind(context.shown());
        // While a load's tasks are still coming, the hosts shown are not "as of" the last load: the bar says loading.
        asOf = Bindings.createObjectBinding(() -> viewModel.loadingTasksProperty().get() == null
                ? fleet().asOfProperty().get() : null, fleet().asOfProperty(), viewModel.loadingTasksProperty());
    }

    /**
     * @param metrics  where "Show measured use" reads each host's CPU and memory
     * @param stopTask the write "Stop task…" makes on the task picked on a host (as the Services page's Tasks tab)
     */
    public static PageContribution contribution(MetricsDependencies metrics, StopTask stopTask) {
        return PageContribution.of(ID, "Hosts", Material2AL.DNS, "Shortcut+Shift+H",
                "Container instances and how tasks are packed", context -> new HostsPage(context, metrics, stopTask));
    }

    @Override
    public PageView createView() {
        HostsView view = new HostsView(viewModel);
        addStopTask(view);
        return PageView.of(view);
    }

    /**
     * "Stop task…" in the picked host's detail and in a task block's context menu: the same action, dialog, write
     * guard and journalled write as the Services page's Tasks tab; once stopped, the fleet is read again.
     */
    private void addStopTask(HostsView view) {
        StopTaskAction stop = new StopTaskAction(stopTask, context.writeGuard(), context.executor(),
                context.dialogs(), () -> view.getScene() == null ? null : view.getScene().getWindow());
        var target = viewModel.detail().stopTargetProperty();
        view.addTaskAction(stop.button("hosts-stop-task", context.session(), target, context.refresh()),
                stop.menuItem("hosts-stop-task-menu", context.session(), target, context.refresh()));
    }

    @Override
    public ObservableValue<Instant> lastRefreshed() {
        return asOf;
    }

    @Override
    public boolean accepts(Destination destination) {
        return destination instanceof Destination.Host || destination instanceof Destination.ServiceOnHosts
                || destination instanceof Destination.RepackOnHosts;
    }

    @Override
    public void open(Destination destination) {
        if (destination instanceof Destination.RepackOnHosts repack) {
            viewModel.showRepack(repack.result());
        } else if (destination instanceof Destination.Host host) {
            viewModel.centreOn(host.hostArn());
        } else if (destination instanceof Destination.ServiceOnHosts service) {
            String serviceArn = service.serviceArn();
            viewModel.highlight(serviceArn);
            if (fleet().data() != null && serviceArn != null) {
                fleet().data().snapshot().hostsOf(serviceArn).stream().findFirst()
                        .ifPresent(h -> viewModel.centreOn(h.arn()));
            }
        }
    }


    @Override
    public void hidden() {
        viewModel.hidden();
    }
    public HostsViewModel viewModel() {
        return viewModel;
    }
}
