package io.harbormaster.views.cost;

import java.util.List;
import java.util.Locale;

/**
 * The cost table as CSV (RFC 4180: fields with commas, quotes or line breaks quoted, quotes doubled); the cost per
 * 1,000 requests is empty where there is none.
 */
final class CostCsv {

    static final String HEADER = "cluster,line,kind,tasks,usd_per_month,share_of_cluster_bill,usd_per_1000_requests";

    private CostCsv() {
    }

    static String of(List<CostRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (CostRow r : rows) {
            out.append(field(r.cluster())).append(',').append(field(r.name())).append(',')
                    .append(r.kind().name().toLowerCase(Locale.ROOT)).append(',').append(r.tasks()).append(',')
                    .append(String.format(Locale.ROOT, "%.2f,%.4f,", r.usdPerMonth(), r.share()))
                    .append(Double.isNaN(r.usdPerThousandRequests()) ? ""
                            : String.format(Locale.ROOT, "%.6f", r.usdPerThousandRequests()))
                    .append("\r\n");
        }
        return out.toString();
    }

    static String field(String s) {
        return io.harbormaster.views.shared.TableCsv.field(s);
    }
}
