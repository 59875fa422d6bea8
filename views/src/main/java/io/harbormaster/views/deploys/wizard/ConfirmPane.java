package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.deploy.DeployPreview;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The Confirm page: the deploy in a few lines, what Deploy will ask (the typed name in production), will it fit and
 * what it costs.
 */
final class ConfirmPane extends VBox {

    ConfirmPane(DeployWizardViewModel viewModel) {
        super(10);
        setId("deploy-confirm");
        setPadding(new Insets(4));
        Label summary = new Label();
        summary.setId("deploy-confirm-summary");
        summary.getStyleClass().add(HarbormasterStyles.GUARD_PREVIEW);
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            DeployPreview p = viewModel.previewProperty().get();
            return p == null ? "" : DeployWizardViewModel.summary(p);
        }, viewModel.previewProperty()));
        boolean production = viewModel.session().environment().production();
        Label how = new Label(!viewModel.refusal().isEmpty() ? viewModel.refusal()
                : production ? "This is production: Deploy asks you to type " + viewModel.service().serviceName()
                        + " before anything is sent."
                        : "Deploy registers the revision (when new) and updates the service; the deploy is then"
                                + " followed live to ECS's own outcome.");
        how.setId("deploy-confirm-how");
        how.setWrapText(true);
        if (!viewModel.refusal().isEmpty()) {
            how.getStyleClass().add(HarbormasterStyles.GUARD_REFUSAL);
        }
        Label fit = new Label();
        fit.setWrapText(true);
        fit.textProperty().bind(viewModel.fitStatusProperty());
        Label cost = new Label();
        cost.setId("deploy-confirm-cost");
        cost.setWrapText(true);
        cost.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                viewModel.costProperty().get() == null ? "" : viewModel.costProperty().get().summary(),
                viewModel.costProperty()));
        getChildren().addAll(StrategyPane.section("About to deploy"), summary, how,
                StrategyPane.section("Will it fit"), fit, StrategyPane.section("What it costs a month"), cost);
    }
}
