package io.harbormaster.model.deploy;

/** The ranges ECS documents for deployment settings, checked once. */
final class Percentages {

    static final int MAX_BAKE_MINUTES = 1440;

    private Percentages() {
    }

    /** A percent in [min, max] and a multiple of 0.1, returned rounded to its tenth. */
    static double tenths(double value, double min, double max, String what) {
        double tenths = Math.round(value * 10.0) / 10.0;
        if (Double.isNaN(value) || Math.abs(tenths - value) > 1e-6 || tenths < min - 1e-9 || tenths > max + 1e-9) {
            throw new IllegalArgumentException(what + " must be " + min + " to " + max + " in steps of 0.1, was "
                    + value);
        }
        return tenths;
    }

    static void minutes(int value, String what) {
        if (value < 0 || value > MAX_BAKE_MINUTES) {
            throw new IllegalArgumentException(what + " must be 0 to " + MAX_BAKE_MINUTES + " minutes, was " + value);
        }
    }
}
