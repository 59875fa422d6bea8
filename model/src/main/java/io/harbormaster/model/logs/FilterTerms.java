package io.harbormaster.model.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a CloudWatch Logs filter pattern that a matching line contains, to highlight them: {@code ERROR},
 * {@code ?ERROR ?WARN} (either), {@code "timed out"} (a phrase). Excluded terms ({@code -health}) and JSON or
 * space-delimited patterns ({@code { $.level = … }}, {@code [ip, …]}) name no text to highlight. Matching is
 * case-sensitive, as CloudWatch's term matching is.
 */
public final class FilterTerms {

    /** An optional or excluded phrase ({@code ?"a b"}, {@code -"a b"}), or a bare term. */
    private static final Pattern TERM = Pattern.compile("(-?)\\??\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");

    private FilterTerms() {
    }

    public static List<String> of(String pattern) {
        String p = pattern == null ? "" : pattern.strip();
        if (p.isEmpty() || p.startsWith("{") || p.startsWith("[")) {
            return List.of();
        }
        List<String> terms = new ArrayList<>();
        Matcher m = TERM.matcher(p);
        while (m.find()) {
            String quoted = m.group(2);
            String bare = m.group(3);
            if (quoted != null) {
                if (m.group(1).isEmpty()) {
                    addTerm(terms, quoted.replace("\\\"", "\""));
                }
            } else if (!bare.startsWith("-")) { // an excluded term is never in a matching line
                addTerm(terms, bare.startsWith("?") ? bare.substring(1) : bare);
            }
        }
        return List.copyOf(terms);
    }

    /** Where the terms occur in the text, as {start, end} pairs in order, overlaps merged. */
    public static List<int[]> spans(String text, List<String> terms) {
        List<int[]> found = new ArrayList<>();
        for (String t : terms) {
            for (int at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + t.length())) {
                found.add(new int[] {at, at + t.length()});
            }
        }
        found.sort(Comparator.comparingInt(s -> s[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] s : found) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(new int[] {s[0], s[1]});
            }
        }
        return merged;
    }

    private static void addTerm(List<String> terms, String term) {
        if (!term.isEmpty() && !terms.contains(term)) {
            terms.add(term);
        }
    }
}
