package io.harbormaster.model.deploy;

import java.util.Objects;

/** One service setting a deploy changes ("desired count": "4" → "6"). */
public record SettingChange(String setting, String before, String after) {

    public SettingChange {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
