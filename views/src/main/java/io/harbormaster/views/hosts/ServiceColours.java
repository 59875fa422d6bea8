package io.harbormaster.views.hosts;

import javafx.scene.paint.Color;

/**
 * A colour per service, from its name alone: the same service has the same colour on every host, after every
 * refresh and in every environment. Hues are spread by the golden ratio so neighbours in a list differ.
 */
public final class ServiceColours {

    private static final Color STANDALONE = Color.gray(0.55);

    private ServiceColours() {
    }

    public static Color of(String serviceName) {
        if (serviceName == null || serviceName.isEmpty()) {
            return STANDALONE;
        }
        int h = serviceName.hashCode() * 0x9E3779B1;
        double hue = ((h >>> 8) / (double) (1 << 24)) * 360.0;
        double saturation = 0.50 + ((h & 0x3) * 0.08);
        double brightness = 0.78 + (((h >>> 2) & 0x3) * 0.05);
        return Color.hsb(hue, saturation, brightness);
    }

    /** Colours for a model's services by index; index -1 (standalone tasks) is handled by the caller. */
    static Color[] forModel(HostModel model) {
        Color[] colours = new Color[model.services().size()];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = of(model.services().get(i).name());
        }
        return colours;
    }

    static Color standalone() {
        return STANDALONE;
    }
}
