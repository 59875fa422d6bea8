package io.harbormaster.views.cost;

import java.util.List;
import java.util.Locale;

/** The cost table as CSV (RFC 4180: fields with commas, quotes or line breaks quoted, quotes doubled). */
final class CostCsv {

    static final String HEADER = "cluster,line,kind,tasks,usd_per_month,share_of_cluster_bill";

    private CostCsv() {
    }

    static String of(List<CostRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (CostRow r : rows) {
            out.append(field(r.cluster())).append(',').append(field(r.name())).append(',')
                    .append(r.kind().name().toLowerCase(Locale.ROOT)).append(',').append(r.tasks()).append(',')
                    .append(String.format(Locale.ROOT, "%.2f,%.4f", r.usdPerMonth(), r.share())).append("\r\n");
        }
        return out.toString();
    }

    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
