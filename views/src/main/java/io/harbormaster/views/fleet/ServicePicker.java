package io.harbormaster.views.fleet;

import io.harbormaster.model.fleet.Service;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** The "cluster / service" chooser of the pages that show one service at a time (dashboard, logs). */
public final class ServicePicker {

    private ServicePicker() {
    }

    /**
     * A chooser over {@code services} that follows {@code selectedArn} and calls {@code show} with the ARN the
     * operator picks (not when it only follows).
     */
    public static ComboBox<Service> of(String id, ObservableList<Service> services, StringProperty selectedArn,
            Consumer<String> show) {
        ComboBox<Service> picker = new ComboBox<>(services);
        picker.setId(id);
        picker.setPromptText("Service");
        picker.setPrefWidth(280);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Service s) {
                return s == null ? "" : s.clusterName() + " / " + s.name();
            }

            @Override
            public Service fromString(String text) {
                return null;
            }
        });
        picker.valueProperty().addListener((o, a, now) -> {
            if (now != null && !now.arn().equals(selectedArn.get())) {
                show.accept(now.arn());
            }
        });
        selectedArn.addListener((o, a, arn) -> picker.setValue(services.stream()
                .filter(s -> s.arn().equals(arn)).findFirst().orElse(null)));
        return picker;
    }
}
