package io.harbormaster.aws.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.ListPrices;
import io.harbormaster.model.environment.EnvironmentSession;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

/**
 * On-demand EC2 prices from the Price List Query API: GetProducts for AmazonEC2 filtered (TERM_MATCH) on the
 * instance type, the Region code, Linux, shared tenancy, no pre-installed software and capacity status "Used" (the
 * price of a running instance; the other statuses price unused reservations). Exactly one product should answer;
 * its OnDemand term's price dimension in USD is the hourly price. Each price is dated today (the caller caches it).
 */
public final class PriceListPrices implements ListPrices {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AwsSessions sessions;
    private final AwsClientFactory clients;
    private final Clock clock;

    public PriceListPrices(AwsSessions sessions, AwsClientFactory clients, Clock clock) {
        this.sessions = sessions;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public Optional<HostPrice> onDemand(EnvironmentSession session, String instanceType) {
        PricingClient pricing = clients.pricing(sessions.context(session));
        List<Filter> filters = List.of(term("instanceType", instanceType), term("regionCode", session.region()),
                term("operatingSystem", "Linux"), term("tenancy", "Shared"), term("preInstalledSw", "NA"),
                term("capacitystatus", "Used"));
        try {
            GetProductsResponse response = pricing.getProducts(r -> r.serviceCode("AmazonEC2").filters(filters)
                    .formatVersion("aws_v1").maxResults(10));
            for (String product : response.priceList()) {
                Optional<Double> usd = onDemandUsd(product);
                if (usd.isPresent()) {
                    return Optional.of(HostPrice.onDemand(usd.get(), LocalDate.now(clock)));
                }
            }
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the on-demand price of " + instanceType + " in " + session.region());
        }
    }

    private static Filter term(String field, String value) {
        return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
    }

    /** The first OnDemand price dimension's USD price of one PriceList entry (a JSON document in a string). */
    static Optional<Double> onDemandUsd(String product) {
        try {
            JsonNode onDemand = JSON.readTree(product).path("terms").path("OnDemand");
            for (JsonNode term : onDemand) {
                for (JsonNode dimension : term.path("priceDimensions")) {
                    JsonNode usd = dimension.path("pricePerUnit").path("USD");
                    if (usd.isTextual()) {
                        return Optional.of(Double.parseDouble(usd.asText()));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
