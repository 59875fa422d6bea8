package io.harbormaster.views.services;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.shared.AwsCliCommand;
import io.harbormaster.views.shared.services.ServiceRow;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * "Copy as aws CLI command" on a Services row: the describe-services read behind it, in the environment's region
 * and with its AWS profile, so the operator can check what the console shows from a shell.
 */
final class CopyCliCommand {

    private CopyCliCommand() {
    }

    static MenuItem item(TableView<ServiceRow> table, ObservableValue<EnvironmentSession> session) {
        MenuItem item = new MenuItem("Copy as aws CLI command");
        item.setId("services-copy-cli");
        item.disableProperty().bind(Bindings.createBooleanBinding(
                () -> table.getSelectionModel().getSelectedItem() == null || session.getValue() == null,
                table.getSelectionModel().selectedItemProperty(), session));
        item.setOnAction(e -> {
            ServiceRow row = table.getSelectionModel().getSelectedItem();
            EnvironmentSession current = session.getValue();
            if (row != null && current != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(commandFor(row, current));
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        return item;
    }

    static String commandFor(ServiceRow row, EnvironmentSession session) {
        return AwsCliCommand.describeService(row.cluster(), row.name(), session.region(),
                session.environment().profileName());
    }
}
