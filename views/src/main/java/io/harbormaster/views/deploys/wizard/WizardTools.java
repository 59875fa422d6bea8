package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.deploy.DeployDependencies;
import io.harbormaster.model.deploy.DeployStarted;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.guard.WriteGuard;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a deploy wizard needs from the page that opens it: the deploy use cases, the background executor, the write
 * guard, the fleet snapshot shown (the fit check's hosts, and images used elsewhere), the environments (promote)
 * and what to do once a deploy started (show it live).
 *
 * @param fleet    the current environment's snapshot; null while none is loaded
 * @param pricing  the hosts' prices, for what the deploy costs a month
 * @param alarms   the environment's CloudWatch alarms: the service's own are offered for the deploy to watch
 * @param started  told on the UI thread once ECS accepted the deploy
 */
public record WizardTools(DeployDependencies deploys, TaskExecutor executor, WriteGuard guard,
                          DialogService dialogs, Supplier<FleetSnapshot> fleet, Supplier<List<Environment>> environments,
                          EnterEnvironment enter, MfaPrompt mfaPrompt,
                          io.harbormaster.model.deploy.SuggestRouting routing, DeployPricing pricing,
                          io.harbormaster.model.alarms.ListAlarms alarms, Consumer<DeployStarted> started) {

    /** Makes a wizard for one service; {@code started} is told once ECS accepted its deploy. */
    @FunctionalInterface
    public interface Factory {
        DeployWizardViewModel create(io.harbormaster.model.environment.EnvironmentSession session,
                                     io.harbormaster.model.deploy.ServiceRef service, Consumer<DeployStarted> started);
    }

    /** A factory of wizards sharing everything but what happens once one started. */
    public static Factory factory(DeployDependencies deploys, TaskExecutor executor, WriteGuard guard,
                                  DialogService dialogs, Supplier<FleetSnapshot> fleet,
                                  Supplier<List<Environment>> environments, EnterEnvironment enter,
                                  MfaPrompt mfaPrompt, io.harbormaster.model.deploy.SuggestRouting routing,
                                  DeployPricing pricing, io.harbormaster.model.alarms.ListAlarms alarms) {
        return (session, service, started) -> new DeployWizardViewModel(session, service, new WizardTools(deploys,
                executor, guard, dialogs, fleet, environments, enter, mfaPrompt, routing, pricing, alarms, started));
    }

    public WizardTools {
        for (Object o : new Object[] {deploys, executor, guard, dialogs, fleet, environments, enter, mfaPrompt,
                routing, pricing, alarms, started}) {
            Objects.requireNonNull(o, "every tool of the wizard is required");
        }
    }
}
