package io.harbormaster.views.noisemap;

/** A host and its value in the frame shown: a line of the "over critical" list. */
public record HostReading(String hostArn, String name, String zone, String cluster, double value, String text) {

    @Override
    public String toString() {
        return name + "  " + text;
    }
}
