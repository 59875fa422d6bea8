package io.harbormaster.model.deploy;

import io.harbormaster.model.error.Quoted;
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

    /**
     * ECS's container image (ContainerDefinition.image, ECS API reference): "up to 255 characters total are allowed,
     * including letters (uppercase and lowercase), numbers, hyphens, underscores, colons, periods, forward slashes,
     * and number signs"; with a digest the limit applies before the '@', and the hash is sha256 of 64 hex digits.
     */
    private static final java.util.regex.Pattern IMAGE = java.util.regex.Pattern.compile(
            "[A-Za-z0-9_:./#-]{1,255}(@sha256:[A-Fa-f0-9]{64})?");

    public ContainerChange {
        if (container == null || container.isBlank()) {
            throw new IllegalArgumentException("a container change needs the container's name");
        }
        image = image == null ? "" : image.strip();
        if (image.contains(" ")) {
            throw new IllegalArgumentException("image " + Quoted.of(image) + " of " + container + " contains a space");
        }
        if (!image.isEmpty() && !IMAGE.matcher(image).matches()) {
            throw new IllegalArgumentException("image " + Quoted.of(image) + " of " + container + " is not an image"
                    + " reference ECS takes: up to 255 letters, digits, - _ : . / #, then @sha256:<64 hex> for a digest");
        }
        setEnvironment = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(setEnvironment,
                "setEnvironment")));
        removeEnvironment = Set.copyOf(new TreeSet<>(Objects.requireNonNull(removeEnvironment, "removeEnvironment")));
        for (String name : setEnvironment.keySet()) {
            if (name.isBlank() || removeEnvironment.contains(name)) {
                throw new IllegalArgumentException("environment variable " + Quoted.of(name) + " of " + container
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
