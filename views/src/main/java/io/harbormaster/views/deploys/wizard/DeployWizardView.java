package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The deploy wizard, inside the Deploys page: the steps across the top, the current page, and Back / Next / Deploy
 * with the reason Next is disabled. Nothing is sent before Deploy on the last page.
 */
public final class DeployWizardView extends BorderPane {

    public DeployWizardView(DeployWizardViewModel viewModel, Runnable cancel) {
        setId("deploy-wizard");
        Environment env = viewModel.session().environment();
        Label title = new Label("Deploy " + viewModel.service().serviceName());
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        Label where = new Label(env.displayName() + (env.production() ? " (PRODUCTION)" : "") + " · cluster "
                + viewModel.service().clusterName());
        where.getStyleClass().add(HarbormasterStyles.PAGE_SUBTITLE);
        HBox steps = new HBox(6);
        steps.setId("deploy-steps");
        for (DeployWizardViewModel.Step s : DeployWizardViewModel.Step.values()) {
            Label l = new Label((s.ordinal() + 1) + " " + s.title());
            l.styleProperty().bind(Bindings.createStringBinding(() -> viewModel.stepProperty().get() == s
                    ? "-fx-font-weight: bold; -fx-underline: true;" : "-fx-opacity: 0.7;", viewModel.stepProperty()));
            steps.getChildren().add(l);
        }
        VBox top = new VBox(4, new HBox(10, title, where), steps);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        ChangePane change = new ChangePane(viewModel.change(), viewModel.promote());
        StrategyPane strategy = new StrategyPane(viewModel.strategy());
        PreviewPane preview = new PreviewPane(viewModel);
        ConfirmPane confirm = new ConfirmPane(viewModel);
        ScrollPane scroll = new ScrollPane();
        scroll.setFitToWidth(true);
        scroll.setId("deploy-wizard-scroll");
        Runnable show = () -> {
            Node page = switch (viewModel.stepProperty().get()) {
                case CHANGE -> change;
                case STRATEGY -> strategy;
                case PREVIEW -> preview;
                case CONFIRM -> confirm;
            };
            scroll.setContent(page);
            scroll.setVvalue(0);
        };
        viewModel.stepProperty().addListener((o, a, s) -> show.run());
        show.run();
        setCenter(scroll);

        Label problem = new Label();
        problem.setId("deploy-wizard-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(HarbormasterStyles.MUTED);
        problem.textProperty().bind(viewModel.problemProperty());
        Button cancelButton = new Button("Cancel");
        cancelButton.setId("deploy-cancel");
        cancelButton.setOnAction(e -> cancel.run());
        cancelButton.disableProperty().bind(viewModel.stateProperty().isEqualTo(
                DeployWizardViewModel.State.DEPLOYING));
        Button back = new Button("Back");
        back.setId("deploy-back");
        back.disableProperty().bind(viewModel.stepProperty().isEqualTo(DeployWizardViewModel.Step.CHANGE)
                .or(viewModel.stateProperty().isNotEqualTo(DeployWizardViewModel.State.EDITING)));
        back.setOnAction(e -> viewModel.back());
        Button next = new Button("Next");
        next.setId("deploy-next");
        next.setDefaultButton(true);
        next.disableProperty().bind(viewModel.canNextProperty().not());
        next.visibleProperty().bind(viewModel.stepProperty().isNotEqualTo(DeployWizardViewModel.Step.CONFIRM));
        next.managedProperty().bind(next.visibleProperty());
        next.setOnAction(e -> viewModel.next());
        Button deploy = new Button(env.production() ? "Deploy…" : "Deploy", new FontIcon(Material2AL.CLOUD_UPLOAD));
        deploy.setId("deploy-submit");
        deploy.getStyleClass().add("accent");
        deploy.disableProperty().bind(viewModel.canDeployProperty().not());
        deploy.visibleProperty().bind(next.visibleProperty().not());
        deploy.managedProperty().bind(deploy.visibleProperty());
        deploy.setOnAction(e -> viewModel.deploy());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(problem, Priority.SOMETIMES);
        HBox buttons = new HBox(8, problem, spacer, cancelButton, back, next, deploy);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(8, 0, 0, 0));
        setBottom(buttons);
    }
}
