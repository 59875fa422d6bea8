package io.harbormaster.model.deploy;

import java.util.ArrayList;
import java.util.List;

/** A line diff by longest common subsequence: small inputs (a task definition is tens of lines). */
final class UnifiedDiff {

    private UnifiedDiff() {
    }

    static List<DiffLine> lines(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = before.get(i).equals(after.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<DiffLine> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (before.get(i).equals(after.get(j))) {
                out.add(new DiffLine(DiffLine.Kind.SAME, before.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new DiffLine(DiffLine.Kind.REMOVED, before.get(i++)));
            } else {
                out.add(new DiffLine(DiffLine.Kind.ADDED, after.get(j++)));
            }
        }
        while (i < n) {
            out.add(new DiffLine(DiffLine.Kind.REMOVED, before.get(i++)));
        }
        while (j < m) {
            out.add(new DiffLine(DiffLine.Kind.ADDED, after.get(j++)));
        }
        return out;
    }
}
