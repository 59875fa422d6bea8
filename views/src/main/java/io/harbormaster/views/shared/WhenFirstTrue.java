package io.harbormaster.views.shared;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/** Work done the first time a flag turns true (a tab first selected, a pane first unfolded), then never again. */
public final class WhenFirstTrue {

    private WhenFirstTrue() {
    }

    /** Runs {@code action} once, the first time {@code flag} changes to true; the listener goes with it. */
    public static void run(ObservableValue<Boolean> flag, Runnable action) {
        flag.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    flag.removeListener(this);
                    action.run();
                }
            }
        });
    }
}
