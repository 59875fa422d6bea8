package io.harbormaster.sandbox.pricing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AmazonEC2 products the sandbox prices: shared-tenancy Linux without pre-installed software, capacity status
 * "Used" (the running-instance price), in US East (N. Virginia), at AWS's published on-demand hourly prices for the
 * instance types the sandbox's fleets run. Each product carries the attributes GetProducts filters on.
 */
final class Ec2PriceTable {

    /** One product: its SKU, attributes and on-demand USD an hour. */
    record Product(String sku, Map<String, String> attributes, String usdPerHour) {
    }

    private static final String[][] US_EAST_1 = {
        {"t3.small", "2", "2 GiB", "0.0208"}, {"t3.medium", "2", "4 GiB", "0.0416"},
        {"t3.large", "2", "8 GiB", "0.0832"}, {"m5.large", "2", "8 GiB", "0.096"},
        {"m5.xlarge", "4", "16 GiB", "0.192"}, {"m5.2xlarge", "8", "32 GiB", "0.384"},
        {"m5.4xlarge", "16", "64 GiB", "0.768"}, {"m5.16xlarge", "64", "256 GiB", "3.072"},
        {"c5.large", "2", "4 GiB", "0.085"}, {"c5.xlarge", "4", "8 GiB", "0.17"},
        {"c5.2xlarge", "8", "16 GiB", "0.34"}, {"c5.4xlarge", "16", "32 GiB", "0.68"},
        {"c5.9xlarge", "36", "72 GiB", "1.53"}, {"r5.xlarge", "4", "32 GiB", "0.252"},
        {"r5.2xlarge", "8", "64 GiB", "0.504"},
    };

    private final List<Product> products;

    private Ec2PriceTable(List<Product> products) {
        this.products = List.copyOf(products);
    }

    static Ec2PriceTable standard() {
        List<Product> list = new ArrayList<>();
        for (String[] row : US_EAST_1) {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("servicecode", "AmazonEC2");
            a.put("instanceType", row[0]);
            a.put("instanceFamily", row[0].startsWith("c") ? "Compute optimized"
                    : row[0].startsWith("r") ? "Memory optimized" : "General purpose");
            a.put("vcpu", row[1]);
            a.put("memory", row[2]);
            a.put("location", "US East (N. Virginia)");
            a.put("locationType", "AWS Region");
            a.put("regionCode", "us-east-1");
            a.put("operatingSystem", "Linux");
            a.put("tenancy", "Shared");
            a.put("preInstalledSw", "NA");
            a.put("capacitystatus", "Used");
            a.put("licenseModel", "No License required");
            a.put("usagetype", "BoxUsage:" + row[0]);
            a.put("operation", "RunInstances");
            list.add(new Product(sku(row[0]), a, row[3]));
        }
        return new Ec2PriceTable(list);
    }

    /** A stable 16-character SKU made from the type, in AWS's alphabet of capitals and digits. */
    private static String sku(String type) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        long h = 1125899906842597L;
        for (char c : type.toCharArray()) {
            h = 31 * h + c;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(alphabet.charAt((int) Math.floorMod(h >>> (i * 3), alphabet.length())));
            h = h * 6364136223846793005L + 1442695040888963407L;
        }
        return s.toString();
    }

    List<Product> products() {
        return products;
    }
}
