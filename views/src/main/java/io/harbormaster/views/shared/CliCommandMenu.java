package io.harbormaster.views.shared;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * "Copy as aws CLI command" on a table's row: the read behind it, in the environment's region and with its AWS
 * profile, so the operator can check what the console shows from a shell.
 */
public final class CliCommandMenu {

    private CliCommandMenu() {
    }

    /**
     * Adds the item to the table's context menu (give the table one first, e.g. with {@link TableCsv#offerCopy}).
     *
     * @param command the command for a row in a session ({@link AwsCliCommand}); null for a row with no such read
     */
    public static <S> MenuItem add(String id, TableView<S> table, Supplier<EnvironmentSession> session,
            BiFunction<S, EnvironmentSession, String> command) {
        MenuItem item = new MenuItem("Copy as aws CLI command");
        item.setId(id);
        item.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            S row = table.getSelectionModel().getSelectedItem();
            EnvironmentSession current = session.get();
            return row == null || current == null || command.apply(row, current) == null;
        }, table.getSelectionModel().selectedItemProperty()));
        item.setOnAction(e -> {
            S row = table.getSelectionModel().getSelectedItem();
            EnvironmentSession current = session.get();
            String text = row == null || current == null ? null : command.apply(row, current);
            if (text != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(text);
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        table.getContextMenu().getItems().add(item);
        return item;
    }
}
