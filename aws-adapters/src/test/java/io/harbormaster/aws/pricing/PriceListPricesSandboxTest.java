package io.harbormaster.aws.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;
import software.amazon.awssdk.services.pricing.model.InvalidParameterException;

/**
 * The `pricing` 2.40.2 client on the 2.59.1 core, over the real wire against the sandbox's Price List Query API.
 */
class PriceListPricesSandboxTest {

    private static SandboxAccess access;
    private static AwsSessions sessions;
    private static EnvironmentSession dev;
    private static final Clock DAY = Clock.fixed(Instant.parse("2026-12-06T04:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void enter(@TempDir Path dir) {
        access = SandboxAccess.start(dir);
        sessions = access.sessionsFor("alice");
        dev = sessions.enter(EnvironmentBuilder.sandbox("dev").build(), MfaPrompt.NONE);
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void anInstanceTypesOnDemandPriceComesBackDated() {
        PriceListPrices prices = new PriceListPrices(sessions, access.clients(), DAY);

        Optional<HostPrice> m5 = prices.onDemand(dev, "m5.xlarge");
        Optional<HostPrice> c5 = prices.onDemand(dev, "c5.4xlarge");

        assertThat(m5).get().satisfies(p -> {
            assertThat(p.usdPerHour()).isEqualTo(0.192);
            assertThat(p.source()).isEqualTo(HostPrice.Source.ON_DEMAND_LIST);
            assertThat(p.fetched()).isEqualTo(LocalDate.parse("2026-12-06"));
        });
        assertThat(c5).get().extracting(HostPrice::usdPerHour).isEqualTo(0.68);
        assertThat(prices.onDemand(dev, "x9.nothing")).isEmpty();
    }

    @Test
    void theClientSeesAwsShapesFiltersAndErrors() {
        PricingClient client = access.clients().pricing(sessions.context(dev));

        GetProductsResponse all = client.getProducts(r -> r.serviceCode("AmazonEC2").maxResults(5));
        GetProductsResponse one = client.getProducts(r -> r.serviceCode("AmazonEC2").filters(
                f -> f.type(FilterType.TERM_MATCH).field("instanceType").value("R5.2XLARGE")));

        assertThat(all.priceList()).hasSize(5);
        assertThat(all.nextToken()).isNotBlank();
        assertThat(one.priceList()).singleElement().satisfies(p -> {
            assertThat(p).contains("\"instanceType\":\"r5.2xlarge\"");
            assertThat(PriceListPrices.onDemandUsd(p)).contains(0.504);
        });
        assertThatThrownBy(() -> client.getProducts(r -> r.serviceCode("AmazonEC2").maxResults(101)))
                .isInstanceOf(InvalidParameterException.class);
    }
}
