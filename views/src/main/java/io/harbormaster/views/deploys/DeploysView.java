package io.harbormaster.views.deploys;

import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.views.deploys.history.AuditLogView;
import io.harbormaster.views.deploys.history.HistoryView;
import io.harbormaster.views.deploys.live.DeployRow;
import io.harbormaster.views.deploys.live.LiveDeploymentView;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.deploys.wizard.DeployWizardView;
import io.harbormaster.views.shared.SplitShare;
import io.harbormaster.views.shared.TabContents;
import io.harbormaster.views.theme.HarbormasterStyles;
import io.harbormaster.views.shared.WrappingBar;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Deploys page: deploys followed (left), the chosen one live, its service's history and the audit log (tabs);
 * the wizard takes the page while it is open.
 */
public final class DeploysView extends StackPane {

    public DeploysView(DeploysViewModel viewModel, ObservableList<ServiceRef> services, Region deployButton,
                       ComboBoxHolder chooser) {
        setId("deploys-view");
        getStyleClass().add(HarbormasterStyles.PAGE);
        Label title = new Label("Deploys");
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        ComboBox<ServiceRef> service = new ComboBox<>(services);
        service.setId("deploys-service");
        service.setPromptText("Service to deploy or look up");
        service.setPrefWidth(300);
        service.setConverter(new StringConverter<>() {
            @Override
            public String toString(ServiceRef s) {
                return s == null ? "" : s.serviceName() + "  (" + s.clusterName() + ")";
            }

            @Override
            public ServiceRef fromString(String text) {
                return null;
            }
        });
        service.valueProperty().bindBidirectional(chooser.chosen);
        service.valueProperty().addListener((o, a, s) -> {
            if (s != null) {
                viewModel.history().serviceProperty().set(s);
            }
        });
        Label choose = new Label("Choose the service to deploy →");
        choose.setId("deploys-choose-hint");
        choose.visibleProperty().bind(viewModel.choosingProperty());
        choose.managedProperty().bind(choose.visibleProperty());
        viewModel.choosingProperty().addListener((o, was, now) -> offerChoice(service, now));
        offerChoice(service, viewModel.choosingProperty().get());
        service.setOnHidden(e -> {
            if (service.getValue() == null) {
                viewModel.stopAskingForService();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        WrappingBar header = new WrappingBar(10, title, spacer, choose, service, deployButton);
        header.getStyleClass().add(HarbormasterStyles.PAGE_HEADER);

        ListView<DeployRow> list = new ListView<>(viewModel.rows());
        list.setId("deploys-list");
        list.setPlaceholder(new Label("No deploy followed yet"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DeployRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.service().serviceName() + " · "
                        + viewModel.environmentName(row.environmentId())
                        + "\n" + row.statusText());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                viewModel.selectedProperty().set(row.operationId());
            }
        });
        viewModel.rows().addListener((javafx.collections.ListChangeListener<DeployRow>) c -> {
            String id = viewModel.selectedProperty().get();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).operationId().equals(id)) {
                    list.getSelectionModel().select(i);
                }
            }
        });
        TabPane tabs = new TabPane(new Tab("Live", new LiveDeploymentView(viewModel.live())),
                new Tab("History", new HistoryView(viewModel.history())),
                new Tab("Audit log", new AuditLogView(viewModel.history(), viewModel::environmentName)));
        tabs.setId("deploys-tabs");
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> viewModel.tabShown(i.intValue()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // History's and the audit log's tables were styled and laid out with the page's first frame, unseen.
        TabContents.whenFirstSelected(tabs);
        SplitPane split = new SplitPane(list, tabs);
        // A share of the page, into half a window too (side by side), where the list kept its whole-window width and
        // left History's table 300 px; never narrower than a row's service and status
        list.setMinWidth(170);
        list.setMaxWidth(360);
        SplitShare.keep(split, list, 0.22);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox overview = new VBox(header, split);
        getChildren().add(overview);

        viewModel.wizardProperty().addListener((o, a, wizard) -> {
            getChildren().removeIf(n -> n instanceof DeployWizardView);
            overview.setVisible(wizard == null);
            if (wizard != null) {
                DeployWizardView view = new DeployWizardView(wizard, viewModel::cancelWizard);
                view.getStyleClass().add(HarbormasterStyles.PAGE);
                getChildren().add(view);
            }
        });
    }

    /** Opens the service list, once the page is in front, when "Deploy…" came without a service. */
    private static void offerChoice(ComboBox<ServiceRef> service, boolean asked) {
        if (asked) {
            UiThread.later(() -> {
                if (service.getScene() != null) {
                    service.requestFocus();
                    service.show();
                }
            });
        }
    }

    /** The service chosen on the page header: what "Deploy…" opens the wizard for. */
    public static final class ComboBoxHolder {
        final javafx.beans.property.ObjectProperty<ServiceRef> chosen =
                new javafx.beans.property.SimpleObjectProperty<>();

        public javafx.beans.property.ObjectProperty<ServiceRef> chosenProperty() {
            return chosen;
        }

        public ObservableStringValue problem() {
            return Bindings.createStringBinding(() -> chosen.get() == null ? "Choose a service first" : "", chosen);
        }

        public List<ServiceRef> asList() {
            return chosen.get() == null ? List.of() : List.of(chosen.get());
        }
    }
}
