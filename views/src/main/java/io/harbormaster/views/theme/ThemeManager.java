package io.harbormaster.views.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import io.harbormaster.model.settings.UiStateStore;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.concurrent.UiThread;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

/**
 * Light or dark, for the whole application: AtlantaFX Primer as the user-agent stylesheet, harbormaster.css on
 * top. Remembered under the UI-state key {@value #KEY}.
 */
public final class ThemeManager {

    public static final String KEY = "theme";

    public enum Mode {
        LIGHT(new PrimerLight()), DARK(new PrimerDark());

        private final Theme theme;

        Mode(Theme theme) {
            this.theme = theme;
        }

        public Mode other() {
            return this == LIGHT ? DARK : LIGHT;
        }
    }

    private static final System.Logger LOG = System.getLogger(ThemeManager.class.getName());

    private final UiStateStore store;
    private final TaskExecutor executor;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.LIGHT);

    /** Reads the remembered theme; call on the UI thread before the window shows (a single local read). */
    public ThemeManager(UiStateStore store, TaskExecutor executor) {
        this.store = Objects.requireNonNull(store, "store");
        this.executor = Objects.requireNonNull(executor, "executor");
        mode.set(store.get(KEY).map(ThemeManager::parse).orElse(Mode.LIGHT));
        apply(mode.get());
        mode.addListener((obs, old, now) -> {
            apply(now);
            executor.submit(BackgroundTask.run("Remembering the " + now.name().toLowerCase() + " theme",
                    () -> store.put(KEY, now.name().toLowerCase())).quietly());
        });
    }

    /**
     * Loads the default (light) theme's stylesheet on the FX thread as soon as it is free. Call while the toolkit
     * is up but the window not yet built (the application's {@code init}, which waits for the store): the FX thread
     * is idle then, and the sheet's load was a tenth of its work to the first paint. A window remembered dark loads
     * that theme when built, as before; the light one stays parsed for a later toggle.
     */
    public static void preloadDefault() {
        UiThread.later(() -> apply(Mode.LIGHT));
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public Mode mode() {
        return mode.get();
    }

    public void toggle() {
        mode.set(mode.get().other());
    }

    /** Puts the app stylesheet on a scene; the theme itself is application-wide. */
    public void style(Scene scene) {
        String sheet = HarbormasterStyles.stylesheet();
        if (!scene.getStylesheets().contains(sheet)) {
            scene.getStylesheets().add(sheet);
        }
    }

    private static void apply(Mode mode) {
        Application.setUserAgentStylesheet(mode.theme.getUserAgentStylesheet());
    }

    private static Mode parse(String stored) {
        try {
            return Mode.valueOf(stored.trim().toUpperCase());
        } catch (IllegalArgumentException unknown) {
            LOG.log(System.Logger.Level.INFO, "Ignoring unknown remembered theme ''{0}''", stored);
            return Mode.LIGHT;
        }
    }
}
