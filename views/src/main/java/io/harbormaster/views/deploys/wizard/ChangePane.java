package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Change page: new images (typed, picked from the fleet, or promoted), or an existing revision; sizes; count. */
final class ChangePane extends VBox {

    ChangePane(ChangeStep change, PromoteStep promote) {
        super(10);
        setId("deploy-change");
        ToggleGroup group = new ToggleGroup();
        RadioButton images = new RadioButton("New images for the current revision");
        images.setId("deploy-mode-images");
        RadioButton existing = new RadioButton("An existing revision (also: roll back to it)");
        existing.setId("deploy-mode-revision");
        images.setToggleGroup(group);
        existing.setToggleGroup(group);
        images.setSelected(change.modeProperty().get() == ChangeStep.Mode.NEW_IMAGES);
        existing.setSelected(!images.isSelected());
        group.selectedToggleProperty().addListener((o, a, t) -> change.modeProperty().set(t == existing
                ? ChangeStep.Mode.EXISTING_REVISION : ChangeStep.Mode.NEW_IMAGES));
        change.modeProperty().addListener((o, a, m) -> group.selectToggle(m == ChangeStep.Mode.NEW_IMAGES
                ? images : existing));

        GridPane rows = new GridPane();
        rows.setHgap(10);
        rows.setVgap(6);
        rows.addRow(0, header("Container"), header("Image now"), header("Deploy image (tag or full image)"));
        Runnable fill = () -> {
            rows.getChildren().removeIf(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) > 0);
            int r = 1;
            for (ImageRow row : change.images()) {
                ComboBox<String> image = new ComboBox<>(FXCollections.observableArrayList(row.knownImages()));
                image.setId("deploy-image-" + row.container());
                image.setEditable(true);
                image.setPrefWidth(340);
                image.getEditor().textProperty().bindBidirectional(row.newImageProperty());
                Label now = new Label(row.currentImage());
                now.getStyleClass().add(HarbormasterStyles.MONOSPACE);
                rows.addRow(r++, new Label(row.container()), now, image);
            }
        };
        change.images().addListener((javafx.collections.ListChangeListener<ImageRow>) c -> fill.run());
        fill.run();
        rows.disableProperty().bind(change.modeProperty().isNotEqualTo(ChangeStep.Mode.NEW_IMAGES));

        ChoiceBox<Environment> source = new ChoiceBox<>(FXCollections.observableArrayList(promote.candidates()));
        source.setId("deploy-promote-source");
        source.setConverter(new StringConverter<>() {
            @Override
            public String toString(Environment e) {
                return e == null ? "" : e.displayName();
            }

            @Override
            public Environment fromString(String s) {
                return null;
            }
        });
        source.valueProperty().bindBidirectional(promote.sourceProperty());
        Button take = new Button("Take its images");
        take.setId("deploy-promote");
        take.setOnAction(e -> promote.promote());
        Label promoted = new Label();
        promoted.setId("deploy-promote-status");
        promoted.setWrapText(true);
        promoted.textProperty().bind(promote.statusProperty());
        HBox promoteRow = new HBox(8, new Label("Promote from"), source, take);
        promoteRow.setAlignment(Pos.CENTER_LEFT);

        TextField revision = field("deploy-revision", change.revisionProperty(), 40);
        revision.setPromptText("family:revision or its ARN");
        revision.disableProperty().bind(change.modeProperty().isNotEqualTo(ChangeStep.Mode.EXISTING_REVISION));

        GridPane sizes = new GridPane();
        sizes.setHgap(10);
        sizes.setVgap(6);
        TextField cpu = field("deploy-cpu", change.cpuProperty(), 10);
        TextField memory = field("deploy-memory", change.memoryProperty(), 10);
        // blank is a task size the revision does not set: its containers' own reservations count
        cpu.setPromptText("not set");
        memory.setPromptText("not set");
        sizes.addRow(0, new Label("Task CPU"), cpu, new Label("Task memory"), memory,
                new Label("Desired count"), field("deploy-desired", change.desiredProperty(), 6));
        sizes.disableProperty().bind(revision.disableProperty().not());

        ChoiceBox<String> envContainer = new ChoiceBox<>();
        envContainer.setId("deploy-env-container");
        envContainer.setMinWidth(120);
        change.images().addListener((javafx.collections.ListChangeListener<ImageRow>) c ->
                envContainer.getItems().setAll(change.images().stream().map(ImageRow::container).toList()));
        envContainer.getItems().setAll(change.images().stream().map(ImageRow::container).toList());
        envContainer.valueProperty().bindBidirectional(change.environmentContainerProperty());
        TextArea envNow = new TextArea();
        envNow.setId("deploy-env-now");
        envNow.setEditable(false);
        envNow.setPrefRowCount(4);
        envNow.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        change.environmentContainerProperty().addListener((o, a, c) ->
                envNow.setText(String.join("\n", change.environmentShown(c))));
        envNow.setText(String.join("\n", change.environmentShown(change.environmentContainerProperty().get())));
        TextArea envEdits = new TextArea();
        envEdits.setId("deploy-env-edits");
        envEdits.setPromptText("NAME=value to set, -NAME to remove; secrets not named are kept");
        envEdits.setPrefRowCount(4);
        envEdits.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        envEdits.textProperty().bindBidirectional(change.environmentEditsProperty());
        HBox env = new HBox(10, envNow, envEdits);
        HBox.setHgrow(envNow, Priority.ALWAYS);
        HBox.setHgrow(envEdits, Priority.ALWAYS);
        env.disableProperty().bind(revision.disableProperty().not());

        getChildren().addAll(images, new VBox(6, rows, promoteRow, promoted), existing, revision, sizes,
                new HBox(8, new Label("Environment of"), envContainer), env);
        setPadding(new Insets(4));
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(HarbormasterStyles.MUTED);
        return l;
    }

    static TextField field(String id, javafx.beans.property.StringProperty property, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(property);
        return f;
    }
}
