package io.harbormaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.HostPrices;
import io.harbormaster.model.cost.PriceBook;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlitePriceBookTest {

    @TempDir
    Path dir;

    @Test
    void listPricesKeepTheirDateAcrossARestart() throws Exception {
        Path db = dir.resolve("p.db");
        try (LocalStore store = LocalStore.open(db)) {
            PriceBook book = new SqlitePriceBook(store);
            assertThat(book.listPrice("us-east-1", "m5.xlarge")).isEmpty();
            book.putListPrice("us-east-1", "m5.xlarge", HostPrice.onDemand(0.19, LocalDate.parse("2026-11-01")));
            book.putListPrice("us-east-1", "m5.xlarge", HostPrice.onDemand(0.192, LocalDate.parse("2026-12-06")));
        }
        try (LocalStore again = LocalStore.open(db)) {
            PriceBook book = new SqlitePriceBook(again);
            assertThat(book.listPrice("us-east-1", "m5.xlarge"))
                    .contains(HostPrice.onDemand(0.192, LocalDate.parse("2026-12-06")));
            assertThat(book.listPrice("eu-west-1", "m5.xlarge")).isEmpty();
        }
    }

    @Test
    void anOperatorsRateWinsMostSpecificFirstAndClearingItBringsTheListPriceBack() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("r.db"))) {
            PriceBook book = new SqlitePriceBook(store);
            book.putListPrice("us-east-1", "c5.4xlarge", HostPrice.onDemand(0.68, LocalDate.parse("2026-12-06")));
            HostPrices prices = book.pricesIn("us-east-1");
            assertThat(prices.priceOf("prod", "c5.4xlarge")).get().extracting(HostPrice::source)
                    .isEqualTo(HostPrice.Source.ON_DEMAND_LIST);

            book.setEffectiveRate(PriceBook.ANY, "c5.4xlarge", 0.50);
            assertThat(prices.priceOf("prod", "c5.4xlarge")).contains(HostPrice.effectiveRate(0.50));
            book.setEffectiveRate("prod", PriceBook.ANY, 0.45);
            assertThat(prices.priceOf("prod", "c5.4xlarge")).contains(HostPrice.effectiveRate(0.45));
            book.setEffectiveRate("prod", "c5.4xlarge", 0.41);
            assertThat(prices.priceOf("prod", "c5.4xlarge")).contains(HostPrice.effectiveRate(0.41));
            assertThat(prices.priceOf("dev", "c5.4xlarge")).contains(HostPrice.effectiveRate(0.50));

            book.clearEffectiveRate("prod", "c5.4xlarge");
            book.clearEffectiveRate("prod", PriceBook.ANY);
            book.clearEffectiveRate(PriceBook.ANY, "c5.4xlarge");
            assertThat(prices.priceOf("prod", "c5.4xlarge"))
                    .contains(HostPrice.onDemand(0.68, LocalDate.parse("2026-12-06")));
        }
    }
}
