package io.harbormaster.sandbox.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.JsonParams;
import io.harbormaster.sandbox.core.JsonService;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.core.World;
import java.util.ArrayList;
import java.util.List;

/**
 * The Price List Query API over AWS JSON 1.1 ({@code X-Amz-Target: AWSPriceListService.GetProducts}): ServiceCode
 * AmazonEC2, Filters of Type TERM_MATCH on product attributes (case-insensitive values, as AWS matches them),
 * MaxResults 1–100 (default 100) and NextToken; each PriceList entry is a JSON <em>string</em> holding one product
 * with its on-demand terms, as AWS sends it.
 */
final class PricingHandler extends JsonService {

    private static final String EFFECTIVE = "2026-11-01T00:00:00Z";
    private static final String PUBLISHED = "2026-11-20T18:05:12Z";
    private final Ec2PriceTable table;

    PricingHandler(World world, Edge edge, Ec2PriceTable table) {
        super(world, edge, "AWSPriceListService", "application/x-amz-json-1.1", "pricing");
        this.table = table;
        op("GetProducts", "GetProducts", this::getProducts);
    }

    @Override
    public String name() {
        return "pricing";
    }

    @Override
    protected Throttler.Rate rate(String family) {
        return new Throttler.Rate(10, 5);
    }

    @Override
    protected AwsException missingParameter(String member) {
        return invalid("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    private static AwsException invalid(String message) {
        return new AwsException("InvalidParameterException", message);
    }

    private ObjectNode getProducts(Call call, JsonParams p) {
        String serviceCode = p.string("ServiceCode");
        if (serviceCode == null) {
            throw missingParameter("serviceCode");
        }
        String format = p.string("FormatVersion");
        if (format != null && !"aws_v1".equals(format)) {
            throw invalid("Invalid FormatVersion: " + format + ". Valid values: aws_v1");
        }
        Integer maxResults = p.integer("MaxResults");
        int max = maxResults == null ? 100 : maxResults;
        if (max < 1 || max > 100) {
            throw invalid("1 validation error detected: Value '" + max
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100");
        }
        List<String[]> filters = filters(p.node().get("Filters"));
        List<Ec2PriceTable.Product> matching = new ArrayList<>();
        if ("AmazonEC2".equals(serviceCode)) {
            for (Ec2PriceTable.Product product : table.products()) {
                if (filters.stream().allMatch(f -> f[1].equalsIgnoreCase(product.attributes().get(f[0])))) {
                    matching.add(product);
                }
            }
        } else {
            throw new AwsException("NotFoundException", "Service code " + serviceCode
                    + " is not served by this sandbox's price list");
        }
        int start = 0;
        String token = p.string("NextToken");
        if (token != null) {
            try {
                start = Integer.parseInt(token.replace("pl-", ""));
            } catch (NumberFormatException e) {
                throw new AwsException("InvalidNextTokenException", "The NextToken is invalid");
            }
        }
        ArrayNode list = object().putArray("PriceList");
        ObjectNode out = object().put("FormatVersion", "aws_v1");
        int end = Math.min(matching.size(), start + max);
        for (int i = start; i < end; i++) {
            list.add(productJson(matching.get(i)));
        }
        out.set("PriceList", list);
        if (end < matching.size()) {
            out.put("NextToken", "pl-" + end);
        }
        return out;
    }

    private static List<String[]> filters(JsonNode node) {
        List<String[]> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        for (JsonNode f : node) {
            String type = f.path("Type").asText("");
            if (!"TERM_MATCH".equals(type) && !"EQUALS".equals(type)) {
                throw invalid("Filter type " + type + " is not supported by this sandbox; use TERM_MATCH");
            }
            if (!f.hasNonNull("Field") || !f.hasNonNull("Value")) {
                throw invalid("A filter needs Field and Value");
            }
            out.add(new String[] {f.get("Field").asText(), f.get("Value").asText()});
        }
        return out;
    }

    private static String productJson(Ec2PriceTable.Product p) {
        ObjectNode root = object();
        ObjectNode product = root.putObject("product");
        product.put("productFamily", "Compute Instance");
        ObjectNode attributes = product.putObject("attributes");
        p.attributes().forEach(attributes::put);
        product.put("sku", p.sku());
        root.put("serviceCode", "AmazonEC2");
        String offer = "JRTCKXETXF";
        String term = p.sku() + "." + offer;
        ObjectNode onDemand = root.putObject("terms").putObject("OnDemand").putObject(term);
        ObjectNode dimension = onDemand.putObject("priceDimensions").putObject(term + ".6YS6EN2CT7");
        dimension.put("unit", "Hrs").put("endRange", "Inf")
                .put("description", "$" + p.usdPerHour() + " per On Demand Linux "
                        + p.attributes().get("instanceType") + " Instance Hour");
        dimension.putArray("appliesTo");
        dimension.put("rateCode", term + ".6YS6EN2CT7").put("beginRange", "0");
        dimension.putObject("pricePerUnit").put("USD", p.usdPerHour());
        onDemand.put("sku", p.sku()).put("effectiveDate", EFFECTIVE).put("offerTermCode", offer);
        onDemand.putObject("termAttributes");
        root.put("version", "20261120180512").put("publicationDate", PUBLISHED);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
