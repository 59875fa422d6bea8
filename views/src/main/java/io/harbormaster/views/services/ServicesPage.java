package io.harbormaster.views.services;

import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.ServiceStoppedTasks;
import io.harbormaster.model.fleet.ScaleService;
import io.harbormaster.model.fleet.StopTask;
import io.harbormaster.views.stoptask.StopTaskAction;
import io.harbormaster.views.stoptask.StopTaskTarget;
import io.harbormaster.views.shared.deploy.DeployButton;
import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.page.FleetPage;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import io.harbormaster.views.scale.ScaleServiceAction;
import io.harbormaster.views.scale.ScaleTarget;
import javafx.beans.binding.Bindings;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The Services page: the fleet's services, problems first, with the selected one's detail, "Scale service…" and, on
 * the detail's tasks, "Stop task…".
 */
public final class ServicesPage extends FleetPage {

    public static final String ID = "services";

    private final ScaleService scaleService;
    private final StopTask stopTask;
    private final ServicesViewModel viewModel;
    private final StoppedTasksViewModel stoppedTasks;
    /** Ctrl+Shift+K presses the page's own "Scale service…" button: the same checks, the same dialog. */
    private Runnable scaleSelected = () -> { };

    private ServicesPage(PageContext context, ScaleService scaleService, StopTask stopTask,
            ServiceStoppedTasks stopped) {
        super(context);
        this.scaleService = scaleService;
        this.stopTask = stopTask;
        viewModel = new ServicesViewModel(context.fleet(), context.executor());
        stoppedTasks = new StoppedTasksViewModel(stopped, context.executor());
        viewModel.detailProperty().addListener((obs, old, now) -> stoppedTasks.service(
                viewModel.fleet().sessionProperty().get(),
                now == null ? null : new ServiceRef(now.service().clusterArn(), now.service().name())));
    }

    /**
     * @param scaleService the write "Scale service…" makes
     * @param stopTask     the write "Stop task…" makes, from the detail's Tasks tab
     * @param stopped      the read behind the detail's "Stopped tasks"
     */
    public static PageContribution contribution(ScaleService scaleService, StopTask stopTask,
            ServiceStoppedTasks stopped) {
        return PageContribution.of(ID, "Services", Material2AL.LAYERS, "Shortcut+Shift+S",
                "Services, their tasks and deployments",
                context -> new ServicesPage(context, scaleService, stopTask, stopped));
    }

    @Override
    public PageView createView() {
        ServicesView view = new ServicesView(viewModel, context.navigator(), context.refresh());
        ScaleServiceAction scale = new ScaleServiceAction(scaleService, context.writeGuard(), context.executor(),
                context.dialogs(), () -> view.getScene() == null ? null : view.getScene().getWindow());
        javafx.scene.layout.Region scaleButton = scale.button(context.session(), Bindings.createObjectBinding(
                () -> viewModel.detailProperty().get() == null ? null
                        : ScaleTarget.of(viewModel.detailProperty().get().service()),
                viewModel.detailProperty()), context.refresh());
        view.addHeaderAction(scaleButton);
        scaleSelected = () -> ((javafx.scene.control.Button) scaleButton.lookup("#scale-service")).fire();
        view.addHeaderAction(deployButton(view));
        view.whenDetailBuilt(detail -> {
            detail.addAction(detailDeployButton());
            detail.addTab(StoppedTasksTab.create(stoppedTasks, viewModel));
            addStopTask(view, detail);
        });
        return new PageView(view, view::focusFilter);
    }

    /**
     * "Stop task…" above the detail's tasks and in their context menu; once stopped, the fleet is read again and the
     * Stopped tasks tab (if shown) too, so the task shows there with its reason.
     */
    private void addStopTask(ServicesView view, ServicesView.DetailDecorations tasks) {
        StopTaskAction stop = new StopTaskAction(stopTask, context.writeGuard(), context.executor(),
                context.dialogs(), () -> view.getScene() == null ? null : view.getScene().getWindow());
        javafx.beans.binding.ObjectBinding<StopTaskTarget> target = Bindings.createObjectBinding(() -> {
            ServiceDetail detail = viewModel.detailProperty().get();
            ServiceDetail.TaskRow task = tasks.selectedTask().getValue();
            return detail == null || task == null ? null : new StopTaskTarget(detail.service().clusterArn(),
                    task.arn(), detail.service().arn(), detail.service().desiredCount(), task.host());
        }, viewModel.detailProperty(), tasks.selectedTask());
        Runnable afterStopped = () -> {
            context.refresh().run();
            stoppedTasks.taskStopped();
        };
        tasks.addTaskAction(stop.button("stop-task", context.session(), target, afterStopped),
                stop.menuItem("stop-task-menu", context.session(), target, afterStopped));
    }

    /** "Deploy…": the selected services of one cluster, one after the other, in the Deploys page's wizard. */
    private javafx.scene.layout.Region deployButton(ServicesView view) {
        javafx.collections.ObservableList<ServiceRow> rows = view.selectedRows();
        javafx.beans.binding.StringBinding problem = Bindings.createStringBinding(() -> {
            if (rows.isEmpty()) {
                return "Select one or more services of a cluster";
            }
            return rows.stream().map(ServiceRow::cluster).distinct().count() > 1
                    ? "The selected services are in different clusters: deploy one cluster at a time" : "";
        }, rows);
        return DeployButton.create("deploy-service", context.writeGuard().permissionFor(context.session()), problem,
                () -> {
                    java.util.List<ServiceRow> chosen = java.util.List.copyOf(rows);
                    if (!chosen.isEmpty()) {
                        context.navigator().go(new Destination.Deploy(chosen.get(0).cluster(),
                                chosen.stream().map(ServiceRow::arn).toList(), ""));
                    }
                });
    }

    /** "Deploy…" beside the detail's own actions: the service it shows. */
    private javafx.scene.layout.Region detailDeployButton() {
        javafx.beans.binding.StringBinding problem = Bindings.createStringBinding(() ->
                viewModel.detailProperty().get() == null ? "Select a service" : "", viewModel.detailProperty());
        return DeployButton.create("service-detail-deploy", context.writeGuard().permissionFor(context.session()),
                problem, () -> {
                    var detail = viewModel.detailProperty().get();
                    if (detail != null) {
                        context.navigator().go(new Destination.Deploy(detail.service().clusterName(),
                                java.util.List.of(detail.service().arn()), ""));
                    }
                });
    }

    /**
     * Scale service… (Ctrl+Shift+K): the selected service's, from the shortcut, the View menu and the palette;
     * disabled everywhere, with the reason, where the environment takes no writes.
     */
    @Override
    public java.util.List<io.harbormaster.views.page.PageCommand> commands() {
        return java.util.List.of(new io.harbormaster.views.page.PageCommand(
                io.harbormaster.views.actions.StandardAction.SCALE_SERVICE, () -> scaleSelected.run(),
                context.writeGuard().permissionFor(context.session()).reason()));
    }

    @Override
    public boolean accepts(Destination destination) {
        return destination instanceof Destination.Service;
    }

    @Override
    public void open(Destination destination) {
        viewModel.select(((Destination.Service) destination).serviceArn());
    }

    public ServicesViewModel viewModel() {
        return viewModel;
    }
}
