package io.harbormaster.model.deploy;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a deploy changes in one container: a new image, environment variables set (added or given a new value) and
 * removed. A variable not named here keeps its value, so a masked secret the operator did not retype is kept.
 *
 * @param image             the new image; blank to keep the current one
 * @param setEnvironment    name → new value
 * @param removeEnvironment names to remove
 */
public record ContainerChange(String container, String image, Map<String, String> setEnvironment,
                              Set<String> removeEnvironment) {

    public ContainerChange {
        if (container == null || container.isBlank()) {
            throw new IllegalArgumentException("a container change needs the container's name");
        }
        image = image == null ? "" : image.strip();
        if (image.contains(" ")) {
            throw new IllegalArgumentException("image '" + image + "' of " + container + " contains a space");
        }
        setEnvironment = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(setEnvironment,
                "setEnvironment")));
        removeEnvironment = Set.copyOf(new TreeSet<>(Objects.requireNonNull(removeEnvironment, "removeEnvironment")));
        for (String name : setEnvironment.keySet()) {
            if (name.isBlank() || removeEnvironment.contains(name)) {
                throw new IllegalArgumentException("environment variable '" + name + "' of " + container
                        + " is blank or both set and removed");
            }
        }
    }

    public static ContainerChange image(String container, String image) {
        return new ContainerChange(container, image, Map.of(), Set.of());
    }

    public boolean changesImage() {
        return !image.isEmpty();
    }

    public boolean isEmpty() {
        return image.isEmpty() && setEnvironment.isEmpty() && removeEnvironment.isEmpty();
    }
}
