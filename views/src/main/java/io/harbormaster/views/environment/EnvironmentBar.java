package io.harbormaster.views.environment;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.actions.StandardAction;
import io.harbormaster.views.lifecycle.FxRepeater;
import io.harbormaster.views.lifecycle.Showing;
import io.harbormaster.views.lifecycle.BusySpinner;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * One toggle per environment, in its colour, with account and role; prod carries a red PRODUCTION badge, and
 * while prod is current a red banner runs under the whole bar. The toggles mirror the view-model: clicking asks
 * to enter, the view-model decides what is selected.
 */
public final class EnvironmentBar extends VBox {

    private final EnvironmentBarViewModel viewModel;
    private final HBox toggles = new HBox(6);
    /**
     * As wide as its toggles want, asked afresh at every layout: a toggle that grows (the session's time left shows
     * once entered) widens the strip at once rather than being cut until something else lays the bar out again.
     */
    private final javafx.scene.control.ScrollPane scroller = new javafx.scene.control.ScrollPane(toggles) {
        @Override
        protected double computePrefWidth(double height) {
            return toggles.prefWidth(-1) + snappedLeftInset() + snappedRightInset();
        }
    };
    private SessionTimes sessionTimes;
    /**
     * Whether the chosen toggle is kept in view as the strip's widths change (its session's time appears after it is
     * chosen, the arrows take room): until the operator scrolls the strip themselves.
     */
    private boolean followChosen = true;
    /** The time-left label on each toggle, by environment id; set anew on every tick. */
    private final java.util.Map<String, Label> timeLabels = new java.util.HashMap<>();
    private javafx.util.Subscription clock = javafx.util.Subscription.EMPTY;
    /** Set on the embedded sandbox: the marker shows and the production banner says it is practice. */
    private final javafx.beans.property.ObjectProperty<SandboxMarking> sandbox =
            new javafx.beans.property.SimpleObjectProperty<>(this, "sandbox");

    public EnvironmentBar(EnvironmentBarViewModel viewModel) {
        this.viewModel = viewModel;
        setId("environment-bar");
        getStyleClass().add(HarbormasterStyles.ENVIRONMENT_BAR);

        Label caption = new Label("Environment");
        caption.getStyleClass().add(HarbormasterStyles.MUTED);
        toggles.getStyleClass().add(HarbormasterStyles.ENVIRONMENT_TOGGLES);
        toggles.setAlignment(Pos.CENTER_LEFT);

        Label empty = new Label("No environments defined yet: Environments… ("
                + StandardAction.ENVIRONMENTS.key().getDisplayText() + ") adds them from your AWS profiles.");
        empty.setId("env-empty");
        empty.getStyleClass().add(HarbormasterStyles.MUTED);
        empty.visibleProperty().bind(Bindings.isEmpty(viewModel.environments()).and(viewModel.loadingProperty().not()));
        empty.managedProperty().bind(empty.visibleProperty());

        BusySpinner spinner = new BusySpinner(16);
        Label enteringText = new Label();
        enteringText.textProperty().bind(Bindings.createStringBinding(() -> viewModel.enteringProperty().get() == null
                ? "" : "Entering " + viewModel.enteringProperty().get().displayName() + "…", viewModel.enteringProperty()));
        HBox entering = new HBox(6, spinner, enteringText);
        entering.setId("env-entering");
        entering.setAlignment(Pos.CENTER_RIGHT);
        entering.getStyleClass().add(HarbormasterStyles.ENTERING);
        entering.visibleProperty().bind(viewModel.enteringProperty().isNotNull());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        caption.setMinWidth(Region.USE_PREF_SIZE);
        // More environments than the window is wide: the toggles keep their full names and scroll sideways (the
        // wheel, and the chosen one brought into view), as a tab strip does, rather than each being cut to "pr…".
        toggles.setMinWidth(Region.USE_PREF_SIZE);
        scroller.setId("env-toggles-scroller");
        scroller.getStyleClass().add(HarbormasterStyles.ENVIRONMENT_SCROLLER);
        scroller.setFitToHeight(true);
        scroller.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroller.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            double hidden = hiddenWidth();
            if (hidden > 0 && e.getDeltaX() == 0 && e.getDeltaY() != 0) {
                scroller.setHvalue(Math.max(0, Math.min(1, scroller.getHvalue() - e.getDeltaY() / hidden)));
                followChosen = false;
                e.consume();
            }
        });
        scroller.setMinWidth(0);
        javafx.beans.InvalidationListener follow = o -> {
            if (followChosen) {
                io.harbormaster.views.concurrent.UiThread.later(this::bringChosenIntoView);
            }
        };
        toggles.widthProperty().addListener(follow);
        scroller.viewportBoundsProperty().addListener(follow);
        scroller.managedProperty().bind(Bindings.isNotEmpty(viewModel.environments()));
        scroller.visibleProperty().bind(scroller.managedProperty());
        HBox.setHgrow(scroller, Priority.SOMETIMES);
        scroller.setMaxWidth(Region.USE_PREF_SIZE);
        // Where the toggles scroll, arrows at the cut edges say so (a toggle cut at the window's edge looked like
        // the last one) and step a window's width of them; each is greyed at its end of the strip.
        HBox strip = new HBox(2, scrollArrow("env-scroll-left", Material2AL.CHEVRON_LEFT, -1), scroller,
                scrollArrow("env-scroll-right", Material2AL.CHEVRON_RIGHT, 1));
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setMinWidth(0);
        strip.managedProperty().bind(scroller.managedProperty());
        strip.visibleProperty().bind(scroller.visibleProperty());
        HBox.setHgrow(strip, Priority.SOMETIMES);
        HBox row = new HBox(12, sandboxMarker(), caption, strip, empty, loading(), spacer, entering);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(HarbormasterStyles.ENVIRONMENT_ROW);

        Label banner = new Label();
        banner.setId("production-banner");
        banner.setGraphic(new FontIcon(Material2AL.LOCK));
        banner.getStyleClass().add(HarbormasterStyles.PRODUCTION_BANNER);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(Bindings.createStringBinding(() -> viewModel.session() == null ? ""
                : SandboxMarking.productionBanner(sandbox.get(), viewModel.session().environment().displayName()),
                viewModel.sessionProperty(), sandbox));
        banner.visibleProperty().bind(viewModel.productionCurrentProperty());
        banner.managedProperty().bind(banner.visibleProperty());

        getChildren().addAll(row, banner);

        viewModel.environments().addListener((ListChangeListener<Environment>) change -> rebuild());
        viewModel.selectedProperty().addListener((obs, old, now) -> syncSelection());
        viewModel.enteringProperty().addListener((obs, old, now) -> syncSelection());
        viewModel.lastUsedProperty().addListener((obs, old, now) -> {
            if (getScene() != null && !(getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                focusLastUsed();
            }
        });
        rebuild();
    }

    /**
     * An arrow beside the strip of toggles, shown while the strip is wider than its room: a click scrolls most of the
     * room's width in its direction ({@code -1} left, {@code 1} right); greyed where the strip already ends.
     */
    private javafx.scene.control.Button scrollArrow(String id, org.kordamp.ikonli.Ikon icon, int direction) {
        javafx.scene.control.Button arrow = new javafx.scene.control.Button(null, new FontIcon(icon));
        arrow.setId(id);
        arrow.getStyleClass().addAll("flat", HarbormasterStyles.ENV_SCROLL_ARROW);
        arrow.setFocusTraversable(false);
        arrow.setMinWidth(Region.USE_PREF_SIZE);
        arrow.setTooltip(ActionFactory.tooltip(direction < 0 ? "Environments to the left" : "More environments"));
        arrow.setOnAction(e -> {
            double hidden = hiddenWidth();
            if (hidden > 0) {
                double step = scroller.getViewportBounds().getWidth() * 0.8 / hidden;
                scroller.setHvalue(Math.max(0, Math.min(1, scroller.getHvalue() + direction * step)));
                followChosen = false;
            }
        });
        Runnable show = () -> {
            boolean scrolls = hiddenWidth() > 0.5;
            arrow.setVisible(scrolls);
            arrow.setManaged(scrolls);
            arrow.setDisable(direction < 0 ? scroller.getHvalue() <= 0 : scroller.getHvalue() >= 1);
        };
        scroller.hvalueProperty().addListener(o -> show.run());
        scroller.viewportBoundsProperty().addListener(o -> show.run());
        toggles.widthProperty().addListener(o -> show.run());
        show.run();
        return arrow;
    }

    /** How much of the strip of toggles is out of view. */
    private double hiddenWidth() {
        return toggles.getWidth() - scroller.getViewportBounds().getWidth();
    }

    /** While the list is read: on the embedded sandbox, that it is still starting (the window opens before it is up). */
    private javafx.scene.Node loading() {
        BusySpinner spinner = new BusySpinner(16);
        Label text = new Label();
        text.textProperty().bind(Bindings.createStringBinding(() -> sandbox.get() != null
                ? "Starting the sandbox… its environments appear here when it is up" : "Reading environments…",
                sandbox));
        text.getStyleClass().add(HarbormasterStyles.MUTED);
        HBox box = new HBox(6, spinner, text);
        box.setId("env-loading");
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(Bindings.isEmpty(viewModel.environments()).and(viewModel.loadingProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** On the embedded sandbox (never on real AWS): the marker, its clock speed, and a production banner saying so. */
    public javafx.beans.property.ObjectProperty<SandboxMarking> sandboxProperty() {
        return sandbox;
    }

    private javafx.scene.Node sandboxMarker() {
        Label marker = new Label(null, new FontIcon(org.kordamp.ikonli.material2.Material2MZ.SCHOOL));
        marker.setId("sandbox-marker");
        marker.getStyleClass().add(HarbormasterStyles.SANDBOX_MARKER);
        marker.setMinWidth(Region.USE_PREF_SIZE);
        Label note = new Label();
        note.setId("sandbox-note");
        note.getStyleClass().add(HarbormasterStyles.MUTED);
        note.setWrapText(true);
        note.setMaxWidth(260);
        VBox box = new VBox(2, marker, note);
        box.setId("sandbox-mark");
        box.setAlignment(Pos.CENTER_LEFT);
        Runnable show = () -> {
            SandboxMarking marking = sandbox.get();
            box.setVisible(marking != null);
            box.setManaged(marking != null);
            marker.setText(marking == null ? "" : marking.marker());
            note.setText(marking == null ? "" : marking.note());
            marker.setTooltip(marking == null ? null : ActionFactory.tooltip(marking.explanation()));
        };
        sandbox.addListener((obs, old, now) -> show.run());
        show.run();
        return box;
    }

    /**
     * Shows, on each entered environment's toggle, how long its session has left ("52 min"; warning colour under
     * five minutes). The clock ticks only while the bar is showing in a showing window ({@link Showing}): a bar
     * whose scene was swapped out (File → Open the sandbox) stops, and no longer keeps the old window alive.
     */
    public void showSessionTimes(SessionTimes times) {
        this.sessionTimes = times;
        clock.unsubscribe();
        clock = Showing.repeat(this, new FxRepeater(), Duration.ofSeconds(1), this::tick);
        rebuild();
    }

    private void tick() {
        if (sessionTimes != null) {
            sessionTimes.tick();
            timeLabels.forEach(this::showTimeLeft);
        }
    }

    private void showTimeLeft(String environmentId, Label label) {
        var left = sessionTimes.left(environmentId);
        var signIn = sessionTimes.signInLeft(environmentId);
        label.setText(left.map(EnvironmentText::timeLeft).orElse("")
                + signIn.map(l -> " · SSO " + EnvironmentText.timeLeft(l)).orElse(""));
        label.pseudoClassStateChanged(HarbormasterStyles.EXPIRING,
                left.map(l -> l.compareTo(SessionTimes.EXPIRING) < 0).orElse(false));
    }

    /** Puts keyboard focus on the environment used last (or the first), without entering it. */
    public void focusLastUsed() {
        Environment last = viewModel.lastUsedProperty().get();
        toggles.getChildren().stream()
                .filter(node -> last == null || node.getId().equals(idOf(last)))
                .findFirst()
                .ifPresent(javafx.scene.Node::requestFocus);
    }

    public static String idOf(Environment environment) {
        return "env-" + environment.id();
    }

    private void rebuild() {
        toggles.getChildren().clear();
        timeLabels.clear();
        for (Environment environment : viewModel.environments()) {
            toggles.getChildren().add(toggle(environment));
        }
        syncSelection();
    }

    private ToggleButton toggle(Environment environment) {
        Region swatch = new Region();
        swatch.getStyleClass().add(HarbormasterStyles.ENV_SWATCH);
        Label name = new Label(environment.displayName());
        name.getStyleClass().add(HarbormasterStyles.ENV_NAME);
        HBox top = new HBox(6, swatch, name);
        top.setAlignment(Pos.CENTER_LEFT);
        if (environment.production()) {
            Label badge = new Label("PRODUCTION");
            badge.getStyleClass().add(HarbormasterStyles.PRODUCTION_BADGE);
            top.getChildren().add(badge);
        }
        Label detail = new Label(EnvironmentText.accountAndRole(environment));
        detail.getStyleClass().add(HarbormasterStyles.ENV_DETAIL);
        if (sessionTimes != null) {
            Label left = new Label();
            left.setId("env-left-" + environment.id());
            left.getStyleClass().add(HarbormasterStyles.ENV_SESSION_LEFT);
            timeLabels.put(environment.id(), left);
            showTimeLeft(environment.id(), left);
            left.setGraphic(new FontIcon(org.kordamp.ikonli.material2.Material2MZ.TIMER));
            left.visibleProperty().bind(left.textProperty().isNotEmpty());
            left.managedProperty().bind(left.visibleProperty());
            left.managedProperty().addListener(o -> scroller.requestLayout()); // the bar makes room for it
            top.getChildren().add(left);
        }

        ToggleButton toggle = new ToggleButton(null, new VBox(2, top, detail));
        toggle.setId(idOf(environment));
        toggle.getStyleClass().add(HarbormasterStyles.ENV_TOGGLE);
        toggle.pseudoClassStateChanged(HarbormasterStyles.PRODUCTION, environment.production());
        toggle.setStyle("-hm-env: " + environment.colour() + "; -hm-env-tint: "
                + EnvironmentText.tint(environment.colour(), 0.16) + ";");
        int position = viewModel.positionOf(environment);
        String shortcut = StandardAction.environmentKey(position).map(k -> "  (" + k.getDisplayText() + ")").orElse("");
        toggle.setTooltip(ActionFactory.tooltip("Enter " + environment.displayName() + shortcut
                + "\nProfile " + environment.profileName() + ", " + EnvironmentText.loginAndAccount(environment)
                + (environment.roleArn().isBlank() ? "" : "\nRole " + environment.roleArn())
                + "\nRegion " + String.join(", ", environment.regions())
                + (environment.readOnly() ? "\nRead-only" : "")));
        toggle.setOnAction(event -> {
            viewModel.enter(environment);
            syncSelection();
        });
        return toggle;
    }

    private void syncSelection() {
        Environment selected = viewModel.selectedProperty().get();
        for (var node : toggles.getChildren()) {
            ToggleButton toggle = (ToggleButton) node;
            toggle.setSelected(selected != null && toggle.getId().equals(idOf(selected)));
            if (toggle.isSelected()) {
                followChosen = true;
                io.harbormaster.views.concurrent.UiThread.later(() -> bringIntoView(toggle));
            }
        }
    }

    private void bringChosenIntoView() {
        toggles.getChildren().stream().map(ToggleButton.class::cast).filter(ToggleButton::isSelected).findFirst()
                .ifPresent(this::bringIntoView);
    }

    /** Scrolls the strip of toggles so the chosen one is whole in view (it may be beyond the window's width). */
    private void bringIntoView(ToggleButton toggle) {
        double hidden = hiddenWidth();
        if (hidden <= 0) {
            return;
        }
        double left = scroller.getHvalue() * hidden;
        double right = left + scroller.getViewportBounds().getWidth();
        double x = toggle.getBoundsInParent().getMinX();
        double end = toggle.getBoundsInParent().getMaxX();
        if (x < left) {
            scroller.setHvalue(x / hidden);
        } else if (end > right) {
            scroller.setHvalue(Math.min(1, (end - scroller.getViewportBounds().getWidth()) / hidden));
        }
    }
}
