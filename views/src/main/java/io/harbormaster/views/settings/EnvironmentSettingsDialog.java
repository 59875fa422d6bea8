package io.harbormaster.views.settings;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Environments…: the list on the left (with login and account), the selected one's form on the right, detected
 * profiles below, import/export on top. Binds and forwards; the view-model decides.
 */
public final class EnvironmentSettingsDialog extends Dialog<Void> {

    private final EnvironmentSettingsViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();

    public EnvironmentSettingsDialog(EnvironmentSettingsViewModel viewModel) {
        this.viewModel = viewModel;
        setTitle("Harbormaster — Environments");
        setResizable(true);
        getDialogPane().setId("settings-dialog");
        getDialogPane().getStyleClass().add(HarbormasterStyles.SETTINGS_DIALOG);
        getDialogPane().getStylesheets().add(HarbormasterStyles.stylesheet());
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("settings-close");
        validation.setValidationDecorator(new StyleClassValidationDecoration());

        HBox body = new HBox(16, listPane(), form());
        Node detected = detectedPane();
        VBox content = new VBox(10, header(), body, detected);
        VBox.setVgrow(detected, Priority.ALWAYS);
        content.setPrefWidth(920);
        content.setMinWidth(860);
        // On a small screen the content scrolls; the Close button below it stays in view.
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("settings-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        getDialogPane().setPrefSize(960, 700);
        // The dialog window sizes itself to the pane's preferred size before CSS settles; insist once shown.
        setOnShown(event -> fit(getDialogPane().getScene().getWindow(),
                javafx.stage.Screen.getPrimary().getVisualBounds()));
        getDialogPane().setContent(scroll);
        viewModel.load();
    }

    /** Sizes the dialog's window for a screen and centres it there: a 1280×800 screen holds it whole, unscrolled. */
    public static void fit(Window window, javafx.geometry.Rectangle2D screen) {
        window.setWidth(Math.min(980, screen.getWidth() - 40));
        window.setHeight(Math.min(780, screen.getHeight() - 20));
        window.setX(screen.getMinX() + (screen.getWidth() - window.getWidth()) / 2);
        window.setY(screen.getMinY() + (screen.getHeight() - window.getHeight()) / 2);
    }

    private Node header() {
        Label title = new Label("Environments");
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        Label explain = new Label("Each is an AWS profile entered from your ops login. Ctrl+1… follows this order.");
        explain.getStyleClass().add(HarbormasterStyles.MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button importButton = button("settings-import", "Import…", Material2AL.FILE_UPLOAD,
                "Add or replace environments from a team's shared JSON file; you see what changes first");
        importButton.setOnAction(event -> chooseImport());
        Button exportButton = button("settings-export", "Export…", Material2MZ.SAVE,
                "Write these environments to a JSON file others can import");
        exportButton.disableProperty().bind(Bindings.isEmpty(viewModel.environments()));
        exportButton.setOnAction(event -> chooseExport());
        HBox header = new HBox(10, new VBox(2, title, explain), spacer, importButton, exportButton);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node listPane() {
        ListView<Environment> list = new ListView<>(viewModel.environments());
        list.setId("settings-list");
        list.setCellFactory(view -> new EnvironmentListCell());
        list.setPrefSize(360, 300);
        list.setMinHeight(120);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(viewModel.selectedProperty().get())) {
                viewModel.select(now);
            }
        });
        Runnable sync = () -> {
            Environment chosen = viewModel.selectedProperty().get();
            if (chosen == null) {
                list.getSelectionModel().clearSelection();
            } else if (!chosen.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(chosen);
            }
        };
        viewModel.selectedProperty().addListener((obs, old, now) -> sync.run());
        viewModel.environments().addListener((ListChangeListener<Environment>) change -> sync.run());

        Button add = button("settings-new", "New", Material2AL.ADD, "Define an environment by hand");
        add.setOnAction(event -> viewModel.startNew());
        Button up = button("settings-up", null, Material2AL.ARROW_UPWARD, "Move up (earlier in the bar)");
        bindEnabled(up, viewModel.canMoveUpProperty());
        up.setOnAction(event -> viewModel.moveUp());
        Button down = button("settings-down", null, Material2AL.ARROW_DOWNWARD, "Move down (later in the bar)");
        bindEnabled(down, viewModel.canMoveDownProperty());
        down.setOnAction(event -> viewModel.moveDown());
        Button remove = button("settings-remove", "Remove", Material2AL.DELETE, "Remove from the environment bar");
        bindEnabled(remove, viewModel.canRemoveProperty());
        remove.setOnAction(event -> viewModel.remove());
        HBox buttons = new HBox(6, add, up, down, remove);
        VBox pane = new VBox(8, list, buttons);
        VBox.setVgrow(list, Priority.ALWAYS);
        return pane;
    }

    private Node form() {
        EnvironmentEditor editor = viewModel.editor();
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        int row = 0;
        grid.addRow(row++, new Label("Display name"), field("settings-name", editor.displayNameProperty(),
                editor.displayNameErrorProperty(), "prod"));
        ColorPicker colour = new ColorPicker();
        colour.setId("settings-colour");
        colour.setMaxWidth(Double.MAX_VALUE);
        colour.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                editor.colourProperty().set(hex(now));
            }
        });
        Runnable showColour = () -> {
            try {
                Color now = Color.web(editor.colourProperty().get());
                if (!hex(now).equals(colour.getValue() == null ? "" : hex(colour.getValue()))) {
                    colour.setValue(now);
                }
            } catch (IllegalArgumentException notAColour) {
                // the colour error beside the picker says what is wrong
            }
        };
        editor.colourProperty().addListener((obs, old, now) -> showColour.run());
        showColour.run();
        decorate(colour, editor.colourErrorProperty());
        grid.addRow(row++, new Label("Colour"), colour);
        grid.addRow(row++, new Label("AWS profile"), field("settings-profile", editor.profileProperty(),
                editor.profileErrorProperty(), "the profile with role_arn, e.g. prod"));
        grid.addRow(row++, new Label("Entered from (login)"), field("settings-login", editor.loginProfileProperty(),
                null, "its source_profile, e.g. ops"));
        grid.addRow(row++, new Label("Account id"), field("settings-account", editor.accountIdProperty(),
                editor.accountErrorProperty(), "12 digits; learnt on first entry if empty"));
        grid.addRow(row++, new Label("Role ARN"), field("settings-role", editor.roleArnProperty(),
                editor.roleErrorProperty(), "arn:aws:iam::444444444444:role/admin"));
        grid.addRow(row++, new Label("Regions"), field("settings-regions", editor.regionsProperty(),
                editor.regionsErrorProperty(), "eu-west-1, us-east-1 (the first is the default)"));
        CheckBox production = new CheckBox("Production — every write asks for the name typed");
        production.setWrapText(true);
        production.setId("settings-production");
        production.selectedProperty().bindBidirectional(editor.productionProperty());
        CheckBox readOnly = new CheckBox("Read-only — writes disabled, whatever the role allows");
        readOnly.setWrapText(true);
        readOnly.setId("settings-readonly");
        readOnly.selectedProperty().bindBidirectional(editor.readOnlyProperty());
        grid.add(production, 1, row++);
        grid.add(readOnly, 1, row++);

        Label problems = new Label();
        problems.setId("settings-errors");
        problems.setWrapText(true);
        problems.getStyleClass().add(HarbormasterStyles.CANDIDATE_PROBLEM);
        StringBinding firstError = firstError(editor);
        problems.textProperty().bind(Bindings.createStringBinding(() -> viewModel.formError(firstError.get()),
                firstError, viewModel.editingProperty()));

        Button save = button("settings-save", "Save", Material2MZ.SAVE, "Save this environment");
        save.setDefaultButton(false);
        bindEnabled(save, viewModel.canSaveProperty());
        save.setOnAction(event -> viewModel.save());
        save.getStyleClass().add("accent");
        Button revert = button("settings-revert", "Revert", Material2MZ.UNDO, "Back to what is saved");
        revert.setOnAction(event -> viewModel.revert());
        Label editing = new Label();
        editing.getStyleClass().add(HarbormasterStyles.MUTED);
        editing.textProperty().bind(Bindings.createStringBinding(() -> viewModel.addingProperty().get()
                ? "New environment" : viewModel.selectedProperty().get() == null ? "Nothing selected"
                : "Editing " + viewModel.selectedProperty().get().displayName() + " (id "
                + viewModel.selectedProperty().get().id() + ")",
                viewModel.addingProperty(), viewModel.selectedProperty()));
        HBox actions = new HBox(8, save, revert);
        VBox form = new VBox(10, editing, grid, problems, actions);
        form.disableProperty().bind(viewModel.selectedProperty().isNull().and(viewModel.addingProperty().not()));
        HBox.setHgrow(form, Priority.ALWAYS);
        return form;
    }

    private Node detectedPane() {
        Button detect = button("settings-detect", "Detect profiles", Material2MZ.SEARCH,
                "Read your AWS config for profiles with role_arn, credential_source or SSO settings");
        detect.setOnAction(event -> viewModel.detect());
        Label status = new Label();
        status.setId("settings-detect-status");
        status.getStyleClass().add(HarbormasterStyles.MUTED);
        status.setWrapText(true);
        status.textProperty().bind(viewModel.detectStatusProperty());
        Button addSelected = button("settings-add-selected", "Add selected", Material2AL.ADD_CIRCLE_OUTLINE,
                "Add the ticked profiles as environments");
        addSelected.disableProperty().bind(viewModel.anyChosenProperty().not());
        addSelected.setOnAction(event -> viewModel.addSelected());
        HBox top = new HBox(10, detect, addSelected, status);
        top.setAlignment(Pos.CENTER_LEFT);

        VBox rows = new VBox(6);
        rows.setId("settings-candidates");
        Runnable fill = () -> rows.getChildren().setAll(viewModel.candidates().stream().map(this::candidate).toList());
        viewModel.candidates().addListener((ListChangeListener<CandidateRow>) change -> fill.run());
        fill.run();
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(150);
        scroll.setMinViewportHeight(80);
        VBox detected = new VBox(8, top, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        TitledPane pane = new TitledPane("Detected profiles", detected);
        pane.setMaxHeight(Double.MAX_VALUE);
        pane.setId("settings-detected");
        pane.setAnimated(false);
        return pane;
    }

    private Node candidate(CandidateRow row) {
        CheckBox box = new CheckBox(row.title());
        box.setId("candidate-" + row.candidate().profileName());
        box.setWrapText(true);
        box.setTooltip(ActionFactory.tooltip(row.title()));
        box.selectedProperty().bindBidirectional(row.chosenProperty());
        box.setDisable(!row.addable());
        Label note = new Label(row.note());
        note.setId("candidate-note-" + row.candidate().profileName());
        note.setWrapText(true);
        note.getStyleClass().add(row.addable() ? HarbormasterStyles.MUTED : HarbormasterStyles.CANDIDATE_PROBLEM);
        note.setVisible(!row.note().isEmpty());
        note.setManaged(note.isVisible());
        note.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
        return new VBox(2, box, note);
    }

    private TextField field(String id, javafx.beans.property.StringProperty value, StringBinding error,
            String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        if (error != null) {
            decorate(field, error);
        }
        return field;
    }

    /** The view-model validates; ControlsFX only draws it, re-asked whenever the view-model's answer changes. */
    private void decorate(Control control, StringBinding error) {
        validation.registerValidator(control, false, (Control c, Object value) -> ValidationResult.fromErrorIf(c,
                error.get(), !viewModel.formError(error.get()).isEmpty()));
        error.addListener((obs, old, now) -> validation.revalidate(control));
        viewModel.editingProperty().addListener((obs, old, now) -> validation.revalidate(control));
        if (control instanceof TextField text) {
            text.setTooltip(ActionFactory.tooltip(""));
            text.getTooltip().textProperty().bind(Bindings.createStringBinding(
                    () -> error.get().isEmpty() ? text.getPromptText() : error.get(), error));
        }
    }

    private static StringBinding firstError(EnvironmentEditor editor) {
        List<StringBinding> all = List.of(editor.displayNameErrorProperty(), editor.colourErrorProperty(),
                editor.profileErrorProperty(), editor.accountErrorProperty(), editor.roleErrorProperty(),
                editor.regionsErrorProperty());
        return Bindings.createStringBinding(() -> all.stream().map(StringBinding::get).filter(s -> !s.isEmpty())
                .findFirst().orElse(""), all.toArray(new StringBinding[0]));
    }

    private void chooseImport() {
        FileChooser chooser = chooser("Import environments");
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            viewModel.importFrom(file.toPath());
        }
    }

    private void chooseExport() {
        FileChooser chooser = chooser("Export environments");
        chooser.setInitialFileName("harbormaster-environments.json");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            viewModel.exportTo(file.toPath());
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Harbormaster environments (*.json)",
                "*.json"), new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    private Window window() {
        return getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
    }

    private static Button button(String id, String text, org.kordamp.ikonli.Ikon icon, String tooltip) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(ActionFactory.tooltip(tooltip));
        return button;
    }

    private static void bindEnabled(Button button, ObservableBooleanValue enabled) {
        button.disableProperty().bind(Bindings.not(enabled));
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
