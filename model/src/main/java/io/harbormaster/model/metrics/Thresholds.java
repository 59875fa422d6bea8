package io.harbormaster.model.metrics;

/**
 * The warning and critical levels of a metric (the seed's monitoring convention). For most metrics higher is worse;
 * for some (healthy host count) lower is worse.
 */
public record Thresholds(double warning, double critical, boolean higherIsWorse) {

    public Thresholds {
        if (Double.isNaN(warning) || Double.isNaN(critical)) {
            throw new IllegalArgumentException("levels must be numbers");
        }
        if (higherIsWorse ? warning > critical : warning < critical) {
            throw new IllegalArgumentException("the warning level must come before the critical level");
        }
    }

    public Level levelOf(double value) {
        if (higherIsWorse ? value >= critical : value <= critical) {
            return Level.CRITICAL;
        }
        if (higherIsWorse ? value >= warning : value <= warning) {
            return Level.WARNING;
        }
        return Level.OK;
    }

    public enum Level { OK, WARNING, CRITICAL }
}
