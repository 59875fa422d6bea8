package io.harbormaster.views.fleet;

import java.util.Objects;

/** Style class names of the fleet pages (Services, Hosts, palette, compare, all environments) and their sheet. */
public final class FleetStyles {

    private FleetStyles() {
    }

    /** fleet.css; fleet pages add it beside the app stylesheet. */
    public static String stylesheet() {
        return Objects.requireNonNull(FleetStyles.class.getResource("/io/harbormaster/views/fleet/fleet.css"),
                "fleet.css missing from the views jar").toExternalForm();
    }

    public static final String BANNER = "hm-fleet-banner";
    public static final String BANNER_STALE = "hm-fleet-banner-stale";
    public static final String BANNER_MISSING = "hm-fleet-banner-missing";
    public static final String ATTENTION_REASON = "hm-attention-reason";
    public static final String ENV_CHIP = "hm-env-chip";
    public static final String DIFFERS = "hm-differs";
    public static final String SECTION_TITLE = "hm-section-title";
    public static final String DETAIL = "hm-service-detail";
    public static final String DETAIL_TITLE = "hm-detail-title";
    public static final String LEGEND = "hm-legend";
    /** A legend's sample of what the hosts canvas draws, in the same theme colours (fleet.css). */
    public static final String SWATCH = "hm-legend-swatch";
    public static final String SWATCH_TASK = "hm-swatch-task";
    public static final String SWATCH_FREE = "hm-swatch-free";
    public static final String SWATCH_STRANDED = "hm-swatch-stranded";
    public static final String SWATCH_PORT_BLOCKED = "hm-swatch-port-blocked";
    public static final String SWATCH_UNREAD = "hm-swatch-unread";
    public static final String PALETTE = "hm-palette";
    public static final String PALETTE_SCRIM = "hm-palette-scrim";
    public static final String PALETTE_KIND = "hm-palette-kind";
    public static final String TOOLTIP = "hm-host-tooltip";
    /** The picked host's task list beside the Hosts canvas. */
    public static final String HOST_TASKS = "hm-host-tasks";
    public static final String TOOLBAR = "hm-fleet-toolbar";
    /** A line in the page saying why something is missing (a read that failed, data that is not there). */
    public static final String NOTICE = "hm-fleet-notice";
    /** A notice the console gives unasked and the operator closes (what a restart found). */
    public static final String NOTICE_PANEL = "hm-notice-panel";
}
