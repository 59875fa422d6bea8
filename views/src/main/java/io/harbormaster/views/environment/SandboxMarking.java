package io.harbormaster.views.environment;

import io.harbormaster.model.environment.PracticeWorld;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * What the window says when it runs on the embedded sandbox, so practice never looks like a real account: the
 * marker in the environment bar, the title's prefix, the production banner's wording and what the marker explains.
 */
public record SandboxMarking(double clockSpeed) {

    public static final String SANDBOX = "SANDBOX";

    public SandboxMarking {
        if (!(clockSpeed >= 0) || Double.isInfinite(clockSpeed)) {
            throw new IllegalArgumentException("a clock speed is 0 or above, not " + clockSpeed);
        }
    }

    public static SandboxMarking of(PracticeWorld world) {
        return new SandboxMarking(Objects.requireNonNull(world, "world").clockSpeed());
    }

    /** "×60", "stopped", or empty at real time: the speed is only news when it is not ×1. */
    public String clock() {
        if (clockSpeed == 0) {
            return "clock stopped";
        }
        if (clockSpeed == 1) {
            return "";
        }
        return "clock ×" + new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(clockSpeed);
    }

    /** "SANDBOX · clock ×60" in the environment bar. */
    public String marker() {
        return clock().isEmpty() ? SANDBOX : SANDBOX + " · " + clock();
    }

    /** Beside the marker, always visible: where this is, and that it does not keep what is done in it. */
    public String note() {
        return "Local practice AWS: forgets every change when it restarts.";
    }

    /** The marker's tooltip: the whole story. */
    public String explanation() {
        String clockText = clockSpeed == 1 ? "Its clock runs at real time."
                : clockSpeed == 0 ? "Its clock is stopped: it moves only when told to, so charts stand still."
                : "Its clock runs ×" + clock().substring("clock ×".length()) + ": charts and metrics run on"
                + " sandbox time, while the status bar shows your wall-clock time.";
        return "The embedded sandbox: a local AWS with a living fleet, to practise on.\n"
                + "Nothing done here reaches your AWS accounts. It forgets every change when the console restarts"
                + " (each start builds its fleet afresh).\n" + clockText;
    }

    /** The production banner's words under a bar or a half: on real AWS (no marking) live traffic is at stake. */
    public static String productionBanner(SandboxMarking marking, String environment) {
        return marking != null ? marking.productionBanner(environment)
                : "PRODUCTION — " + environment + ": what you change here affects live traffic";
    }

    /** The production banner's words: the sandbox's prod is practice, not live traffic. */
    public String productionBanner(String environment) {
        return "PRODUCTION (sandbox) — " + environment + ": a practice prod; nothing here reaches real AWS"
                + " or live traffic";
    }

    /** "Harbormaster — SANDBOX · PRODUCTION prod" from "Harbormaster — PRODUCTION prod". */
    public String title(String appName, String title) {
        return title.startsWith(appName + " — ") ? appName + " — " + SANDBOX + " · "
                + title.substring(appName.length() + " — ".length()) : appName + " — " + SANDBOX;
    }
}
