package io.harbormaster.views.services;

import io.harbormaster.model.fleet.ServiceAttention;
import io.harbormaster.views.fleet.EnvironmentTag;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of the Services table, worked out once off the UI thread so that scrolling 2,000 rows does nothing
 * but read fields.
 *
 * @param environment   where it runs; the same for every row of one environment's table
 * @param deployments   deployments not yet settled
 * @param imageTags     the tags of every image the service runs or rolls to, comma separated
 * @param lastEvent     the newest event's time; null when ECS has none
 * @param attention     how much it needs the operator; rows are sorted by it, most urgent first
 * @param reason        why, in ECS's words for an unplaceable task; blank for a steady service
 */
public record ServiceRow(
        EnvironmentTag environment,
        String arn,
        String name,
        String cluster,
        String status,
        int desired,
        int running,
        int pending,
        long deployments,
        int revision,
        String family,
        String imageTags,
        Instant lastEvent,
        ServiceAttention.Level attention,
        String reason,
        String searchText) {

    public ServiceRow {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(attention, "attention");
        reason = reason == null ? "" : reason;
        searchText = searchText == null ? "" : searchText;
    }

    public boolean needsAttention() {
        return attention != ServiceAttention.Level.STEADY && attention != ServiceAttention.Level.DEPLOYING;
    }

    /** The attention level as a short word for the table: "Unplaceable", "Pending", … */
    public String attentionText() {
        return switch (attention) {
            case UNPLACEABLE -> "Unplaceable";
            case DEPLOYMENT_FAILED -> "Deploy failed";
            case PENDING_TASKS -> "Pending";
            case BELOW_DESIRED -> "Below desired";
            case DEPLOYING -> "Deploying";
            case STEADY -> "Steady";
        };
    }

    boolean matches(String needle) {
        return needle.isEmpty() || searchText.contains(needle);
    }

    static String searchTextOf(String... parts) {
        return String.join(" ", parts).toLowerCase(Locale.ROOT);
    }
}
