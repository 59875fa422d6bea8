package io.harbormaster.views.dialog;

import io.harbormaster.views.theme.HarbormasterStyles;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Help → About: the version, the data directory, the log file and the AWS files read, each selectable for copying
 * into a report.
 */
public final class AboutDialog extends Alert {

    public AboutDialog(AppInfo info) {
        super(AlertType.INFORMATION, "", ButtonType.CLOSE);
        setTitle("About Harbormaster");
        setHeaderText("Harbormaster " + info.version());
        getDialogPane().setId("about-dialog");
        getDialogPane().getStylesheets().add(HarbormasterStyles.stylesheet());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        row(grid, 0, "Version", info.version(), "about-version");
        row(grid, 1, "Data directory", info.data().map(Path::toString).orElse("—"), "about-data");
        row(grid, 2, "Log file", info.log().map(Path::toString).orElse("not written"), "about-log");
        java.util.List<Path> aws = info.awsFiles();
        for (int i = 0; i < aws.size(); i++) {
            row(grid, 3 + i, i == 0 ? "AWS files read" : "", aws.get(i).toString(), "about-aws-" + i);
        }
        if (aws.isEmpty()) {
            row(grid, 3, "AWS files read", "—", "about-aws-0");
        }
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(820);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE); // an alert otherwise keeps its own narrower width
        setResizable(true);
    }

    /** Shows it over the window, not waiting for it to close. */
    public static void show(Window owner, AppInfo info) {
        AboutDialog about = new AboutDialog(info);
        if (owner != null && owner.isShowing()) {
            about.initOwner(owner);
        }
        about.show();
    }

    private static void row(GridPane grid, int row, String name, String value, String id) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setEditable(false);
        field.setPrefColumnCount(60);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Label label = new Label(name);
        label.setMinWidth(Region.USE_PREF_SIZE); // the names stay whole; a long path scrolls in its field
        grid.addRow(row, label, field);
    }
}
