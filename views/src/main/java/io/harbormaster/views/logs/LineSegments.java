package io.harbormaster.views.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** A shown line cut into runs: plain text, the level word, and text the filter matched. */
final class LineSegments {

    enum Kind { PLAIN, LEVEL, MATCH }

    record Segment(String text, Kind kind) {
    }

    private LineSegments() {
    }

    /**
     * @param level   {start, end} of the level word, or null
     * @param matches {start, end} of each match, in order, not overlapping
     */
    static List<Segment> of(String text, int[] level, List<int[]> matches) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        if (level != null) {
            cuts.add(level[0]);
            cuts.add(level[1]);
        }
        for (int[] m : matches) {
            cuts.add(Math.min(m[0], text.length()));
            cuts.add(Math.min(m[1], text.length()));
        }
        List<Segment> out = new ArrayList<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            int at = from;
            Kind kind = matches.stream().anyMatch(m -> at >= m[0] && at < m[1]) ? Kind.MATCH
                    : level != null && at >= level[0] && at < level[1] ? Kind.LEVEL : Kind.PLAIN;
            if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
                Segment last = out.remove(out.size() - 1);
                out.add(new Segment(last.text() + text.substring(from, to), kind));
            } else {
                out.add(new Segment(text.substring(from, to), kind));
            }
            from = to;
        }
        return out;
    }
}
