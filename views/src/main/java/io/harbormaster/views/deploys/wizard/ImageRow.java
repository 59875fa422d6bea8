package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.deploy.ContainerSpec;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One container on the wizard's Change page: its image now, the image typed (or picked), and the tags the fleet
 * already runs from the same repository, to pick from.
 */
public final class ImageRow {

    private final String container;
    private final String currentImage;
    private final String repository;
    private final List<String> knownImages;
    private final StringProperty newImage = new SimpleStringProperty(this, "newImage", "");

    public ImageRow(ContainerSpec spec, List<String> knownImages) {
        this.container = spec.name();
        this.currentImage = spec.image();
        this.repository = spec.imageRepository();
        this.knownImages = List.copyOf(knownImages);
        newImage.set(spec.image());
    }

    public String container() {
        return container;
    }

    public String currentImage() {
        return currentImage;
    }

    public String repository() {
        return repository;
    }

    /** Images of the same repository elsewhere in the fleet, newest tag first. */
    public List<String> knownImages() {
        return knownImages;
    }

    /** The image to deploy; a bare tag ("1.5.0") is taken as a tag of the current repository. */
    public StringProperty newImageProperty() {
        return newImage;
    }

    /** The image as it will be registered; blank when unchanged. */
    public String resolvedChange() {
        String typed = newImage.get() == null ? "" : newImage.get().strip();
        if (typed.isEmpty()) {
            return "";
        }
        String image = typed.contains(":") || typed.contains("/") || typed.contains("@") ? typed
                : repository + ":" + typed;
        return image.equals(currentImage) ? "" : image;
    }
}
