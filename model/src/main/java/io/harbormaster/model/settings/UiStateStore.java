package io.harbormaster.model.settings;

import java.util.Optional;

/** Port: small pieces of UI state that outlive the process (last environment, window geometry, theme). */
public interface UiStateStore {

    Optional<String> get(String key);

    void put(String key, String value);
}
