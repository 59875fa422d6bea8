package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.deploy.ContainerChange;
import io.harbormaster.model.deploy.DeployTarget;
import io.harbormaster.model.deploy.Promoter;
import io.harbormaster.model.deploy.PromotionPlan;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.BackgroundTask;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * "Promote from another environment": the namesake service there (same cluster and service name) is read, and its
 * images are put into the Change page's image rows, with which side is newer. Entering the other environment may ask
 * for an MFA code; nothing is written anywhere.
 */
public final class PromoteStep {

    private final EnvironmentSession session;
    private final ServiceRef service;
    private final WizardTools tools;
    private final ChangeStep change;
    private final ObjectProperty<Environment> source = new SimpleObjectProperty<>(this, "source");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    PromoteStep(EnvironmentSession session, ServiceRef service, WizardTools tools, ChangeStep change) {
        this.session = session;
        this.service = service;
        this.tools = tools;
        this.change = change;
    }

    /** The environments one could promote from: every other one. */
    public List<Environment> candidates() {
        return tools.environments().get().stream()
                .filter(e -> !e.id().equals(session.environment().id())).toList();
    }

    /** Reads the namesake in {@link #sourceProperty()} and fills the image rows with its images. */
    public void promote() {
        Environment from = source.get();
        DeployTarget here = change.target();
        if (from == null || here == null) {
            status.set(from == null ? "Choose the environment to promote from" : "Reading the service…");
            return;
        }
        status.set("Reading " + service.serviceName() + " in " + from.displayName() + "…");
        ServiceRef namesake = new ServiceRef(service.clusterName(), service.serviceName());
        tools.executor().submit(BackgroundTask.of("Reading " + service.serviceName() + " in " + from.displayName(),
                () -> {
                    EnvironmentSession there = tools.enter().enter(from, tools.mfaPrompt());
                    return Promoter.plan(tools.deploys().service().target(there, namesake).taskDefinition(),
                            here.taskDefinition());
                })
                .onSuccess(plan -> apply(from, plan))
                .onFailure(p -> status.set("Could not read " + from.displayName() + "'s " + service.serviceName()
                        + ": " + p.message())));
    }

    void apply(Environment from, PromotionPlan plan) {
        change.modeProperty().set(ChangeStep.Mode.NEW_IMAGES);
        for (ContainerChange c : plan.change().containers()) {
            change.images().stream().filter(r -> r.container().equals(c.container())).findFirst()
                    .ifPresent(r -> r.newImageProperty().set(c.image()));
        }
        String newer = switch (plan.newer()) {
            case SOURCE -> from.displayName() + " is newer";
            case TARGET -> session.environment().displayName() + " is newer: this would go back";
            case SAME -> "both sides run the same images";
            case UNKNOWN -> "which side is newer cannot be told";
        };
        status.set(plan.nothingToPromote() ? "Nothing to promote: " + plan.why()
                : "Images of " + from.displayName() + " taken: " + newer + " (" + plan.why() + ")"
                + (plan.skipped().isEmpty() ? "" : "; skipped " + String.join(", ", plan.skipped())));
    }

    public ObjectProperty<Environment> sourceProperty() {
        return source;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
