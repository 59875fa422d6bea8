package io.harbormaster.views.restart;

import io.harbormaster.views.fleet.FleetStyles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The restart notice under the environment bar: not a dialog, nothing waits on it. Each line with "Journal entry",
 * which opens the operation's journal lines below it (selectable, to copy into a ticket); Dismiss closes it.
 */
public final class RestartNoticeView extends VBox {

    private final VBox items = new VBox(6);

    public RestartNoticeView(RestartNoticeViewModel viewModel) {
        super(6);
        setId("restart-notice");
        getStylesheets().add(FleetStyles.stylesheet());
        getStyleClass().add(FleetStyles.NOTICE_PANEL);
        Label title = new Label("Found on start",
                new FontIcon(Material2MZ.RESTORE));
        title.setId("restart-notice-title");
        title.setWrapText(true);
        title.getStyleClass().add(FleetStyles.SECTION_TITLE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button dismiss = new Button(null, new FontIcon(Material2AL.CLOSE));
        dismiss.setId("restart-notice-dismiss");
        dismiss.setTooltip(new javafx.scene.control.Tooltip("Dismiss: the journal keeps every line"));
        dismiss.setOnAction(event -> viewModel.dismiss());
        HBox header = new HBox(8, title, spacer, dismiss);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, items);
        viewModel.lines().addListener((ListChangeListener<RestartNoticeViewModel.Line>) c -> fill(viewModel));
        fill(viewModel);
        visibleProperty().bind(viewModel.visibleProperty());
        managedProperty().bind(visibleProperty());
    }

    private void fill(RestartNoticeViewModel viewModel) {
        items.getChildren().clear();
        int n = 0;
        for (RestartNoticeViewModel.Line line : viewModel.lines()) {
            Label text = new Label(line.text());
            text.setId("restart-notice-line-" + n);
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(8, text);
            row.setAlignment(Pos.TOP_LEFT);
            VBox item = new VBox(4, row);
            if (!line.journal().isEmpty()) {
                TextArea journal = new TextArea(line.journal());
                journal.setId("restart-notice-journal-" + n);
                journal.setEditable(false);
                journal.setWrapText(false);
                journal.setPrefRowCount((int) Math.min(8, line.journal().lines().count()));
                journal.setVisible(false);
                journal.managedProperty().bind(journal.visibleProperty());
                Hyperlink open = new Hyperlink("Journal entry");
                open.setId("restart-notice-open-" + n);
                open.setMinWidth(Region.USE_PREF_SIZE);
                open.setOnAction(event -> {
                    journal.setVisible(!journal.isVisible());
                    open.setText(journal.isVisible() ? "Hide journal entry" : "Journal entry");
                });
                row.getChildren().add(open);
                item.getChildren().add(journal);
            }
            items.getChildren().add(item);
            n++;
        }
    }
}
