package io.harbormaster.views.actions;

import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/**
 * Help → Keyboard shortcuts: generated from the declared actions, so it lists exactly what the keys do; the
 * environment keys (Ctrl+1…9) follow the bar's order.
 */
public final class ShortcutsDialog extends Alert {

    /** One line of the list. */
    public record Shortcut(String keys, String action, String description) {
    }

    public ShortcutsDialog(List<ActionSpec> actions) {
        super(AlertType.INFORMATION, "", ButtonType.CLOSE);
        setTitle("Keyboard shortcuts");
        setHeaderText("Keyboard shortcuts");
        getDialogPane().setId("shortcuts-dialog");
        getDialogPane().getStylesheets().add(HarbormasterStyles.stylesheet());
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcuts-table");
        table.getColumns().add(column("Keys", Shortcut::keys, 150));
        table.getColumns().add(column("Action", Shortcut::action, 240));
        table.getColumns().add(column("What it does", Shortcut::description, 560));
        table.getItems().setAll(lines(actions));
        table.setPrefHeight(480);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        javafx.scene.control.Label note = new javafx.scene.control.Label("Every action is also in a menu, and in"
                + " Go to… (" + StandardAction.PALETTE.key().getDisplayText() + ") by its name.");
        getDialogPane().setContent(new javafx.scene.layout.VBox(8, note, table));
        getDialogPane().setPrefWidth(1000);
        getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // an alert keeps its own width else
        setResizable(true);
    }

    /** The declared actions' shortcuts, then the environment keys. */
    public static List<Shortcut> lines(List<ActionSpec> actions) {
        List<Shortcut> lines = new ArrayList<>();
        for (ActionSpec action : actions) {
            lines.add(new Shortcut(action.key().getDisplayText(), action.text(), action.description()));
        }
        String first = StandardAction.environmentKey(1).orElseThrow().getDisplayText();
        String last = StandardAction.environmentKey(StandardAction.ENVIRONMENT_SHORTCUTS).orElseThrow()
                .getDisplayText();
        lines.add(new Shortcut(first + " … " + last, "Enter an environment",
                "The environment at that position in the environment bar (Environments… sets the order)"));
        return lines;
    }

    public static void show(Window owner, List<ActionSpec> actions) {
        ShortcutsDialog dialog = new ShortcutsDialog(actions);
        if (owner != null && owner.isShowing()) {
            dialog.initOwner(owner);
        }
        dialog.show();
    }

    private static TableColumn<Shortcut, String> column(String title,
            java.util.function.Function<Shortcut, String> value, double width) {
        TableColumn<Shortcut, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(width * 0.8);
        return column;
    }
}
