package io.harbormaster.views.guard;

import java.util.Objects;

/**
 * A write about to happen, in the words the guard shows.
 *
 * @param action       what is done, as a button would say it ("Scale service")
 * @param resourceName the name the operator must type in production ("web")
 * @param preview      what will change, one or more lines ("desired count 2 → 5")
 */
public record WriteRequest(String action, String resourceName, String preview) {

    public WriteRequest {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("a write needs an action");
        }
        if (resourceName == null || resourceName.isBlank()) {
            throw new IllegalArgumentException("a write needs the name of what it changes");
        }
        preview = Objects.requireNonNullElse(preview, "");
    }
}
