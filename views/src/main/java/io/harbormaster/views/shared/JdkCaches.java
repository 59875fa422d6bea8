package io.harbormaster.views.shared;

import java.text.Collator;
import java.text.DecimalFormatSymbols;

/**
 * The JDK's own caches the UI thread would otherwise fill on first use, filled beforehand on a thread of its own
 * while the window opens. A table sorted by a text column compares through {@link Collator#getInstance()}, whose
 * first call builds the locale's collation tables: 30–60 ms on a cold JVM on the shared 2-core machine, in the frame
 * in which an environment's clusters first arrive (JFR, 2026-12-06). Formatting a count ({@code %,d}) builds the
 * locale's {@link DecimalFormatSymbols} likewise, and a share ({@code %.0f}) loads the JDK's decimal formatting.
 * Those are shared by every thread, so the UI thread's first sort, count and share only read them.
 */
public final class JdkCaches {

    private JdkCaches() {
    }

    /** Fills them. */
    public static void fill() {
        Collator.getInstance().compare("a", "b");
        DecimalFormatSymbols.getInstance();
        String.format("%,d", 1_000);
        String.format("%.0f %%", 12.5); // a share (Clusters' reserved CPU and memory): the decimal formatting code
    }
}
