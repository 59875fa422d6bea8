package io.harbormaster.views.shared.services;

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
 * @param freshness     whether the values are the current load's, from before it, or not read yet
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
        String searchText,
        Freshness freshness) {

    /** Where a row's values come from while a load runs. */
    public enum Freshness {
        /** Described by the latest load or refresh. */
        CURRENT,
        /** Shown from before the running load (saved, or the fleet shown before a reload), about to be replaced. */
        EARLIER,
        /** Listed by the running load, not yet described: name and cluster only. */
        DESCRIBING
    }

    public ServiceRow {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(attention, "attention");
        Objects.requireNonNull(freshness, "freshness");
        reason = reason == null ? "" : reason;
        searchText = searchText == null ? "" : searchText;
    }

    /** A row of current values. */
    public ServiceRow(EnvironmentTag environment, String arn, String name, String cluster, String status, int desired,
            int running, int pending, long deployments, int revision, String family, String imageTags,
            Instant lastEvent, ServiceAttention.Level attention, String reason, String searchText) {
        this(environment, arn, name, cluster, status, desired, running, pending, deployments, revision, family,
                imageTags, lastEvent, attention, reason, searchText, Freshness.CURRENT);
    }

    /** A service known by name only, while it is being described. */
    public static ServiceRow describing(EnvironmentTag environment, String arn, String name, String cluster) {
        return new ServiceRow(environment, arn, name, cluster, "", 0, 0, 0, 0, 0, "", "", null,
                ServiceAttention.Level.STEADY, "", searchTextOf(name, cluster, environment.name()),
                Freshness.DESCRIBING);
    }

    public boolean described() {
        return freshness != Freshness.DESCRIBING;
    }

    public boolean needsAttention() {
        return described() && attention != ServiceAttention.Level.STEADY
                && attention != ServiceAttention.Level.DEPLOYING;
    }

    /** The attention level as a short word for the table: "Unplaceable", "Pending", …; "Describing…" before that. */
    public String attentionText() {
        if (!described()) {
            return "Describing…";
        }
        return switch (attention) {
            case UNPLACEABLE -> "Unplaceable";
            case DEPLOYMENT_FAILED -> "Deploy failed";
            case PENDING_TASKS -> "Pending";
            case BELOW_DESIRED -> "Below desired";
            case DEPLOYING -> "Deploying";
            case STEADY -> "Steady";
        };
    }

    ServiceRow withFreshness(Freshness now) {
        return new ServiceRow(environment, arn, name, cluster, status, desired, running, pending, deployments,
                revision, family, imageTags, lastEvent, attention, reason, searchText, now);
    }

    public boolean matches(String needle) {
        return needle.isEmpty() || searchText.contains(needle);
    }

    static String searchTextOf(String... parts) {
        return String.join(" ", parts).toLowerCase(Locale.ROOT);
    }
}
