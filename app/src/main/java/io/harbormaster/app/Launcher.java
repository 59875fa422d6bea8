package io.harbormaster.app;

import javafx.application.Application;

/**
 * Entry point. Not an {@link Application} subclass, so a plain class-path launch starts JavaFX without the
 * module-path checks of the launcher.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(HarbormasterApp.class, args);
    }
}
