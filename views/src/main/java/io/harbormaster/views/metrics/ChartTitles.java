package io.harbormaster.views.metrics;

import io.harbormaster.model.metrics.MetricKind;

/** What a chart is called, with its unit said once ("Requests per second", never "Requests (requests)"). */
final class ChartTitles {

    private ChartTitles() {
    }

    static String of(MetricKind kind) {
        return switch (kind) {
            case REQUEST_COUNT -> "Requests per second";
            case TARGET_5XX_COUNT -> "5xx responses per second";
            case HEALTHY_HOSTS -> "Healthy targets";
            default -> switch (kind.unit()) {
                case "%" -> kind.label() + " (%)";
                case "s" -> kind.label() + " (seconds)";
                default -> kind.label();
            };
        };
    }

    /** What a chart says when everything in range is zero; "" where a zero needs no words. */
    static String whenAllZero(MetricKind kind) {
        return switch (kind) {
            case TARGET_5XX_COUNT, ERROR_RATE_5XX -> "No 5xx in this range";
            case REQUEST_COUNT -> "No requests in this range";
            default -> "";
        };
    }
}
