package io.harbormaster.views.cost;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.model.testdata.InMemoryPriceBook;
import io.harbormaster.views.fleet.FleetReads;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class EnvironmentsCostViewModelTest {

    private static final double LIST = 0.096;
    private static final double MONTH_OF_TWO_HOSTS = 2 * LIST * 730;

    private final ObservableList<Environment> environments = FXCollections.observableArrayList(DEV, STAGE, PROD);
    private final FakeEnterEnvironment enter = new FakeEnterEnvironment();
    private final FakeFleet fleets = new FakeFleet()
            .with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW))
            .with("stage", FleetFixtures.snapshot("stage", Fixtures.NOW));
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final InMemoryPriceBook book = new InMemoryPriceBook();
    private final EnvironmentsCostViewModel vm = new EnvironmentsCostViewModel(environments,
            new FleetReads(enter, (who, serial) -> Optional.empty(), fleets, fleets, executor, Fixtures.CLOCK), book,
            (session, type) -> Optional.of(HostPrice.onDemand(LIST, LocalDate.parse("2026-11-20"))));

    /**
     * dev and stage each run two m5.large hosts; stage's are set to half price. prod cannot be entered (no role):
     * its row says why, and the others still add up. Each service is one row with a figure per environment.
     */
    @Test
    void everyEnvironmentsBillSideBySideWithEachServiceAcrossThem() {
        enter.deny(PROD);
        book.setEffectiveRate("stage", "m5.large", LIST / 2);

        vm.load();
        assertThat(enter.entered).as("nothing is entered on the calling thread").isEmpty();
        executor.runAll();

        assertThat(enter.entered).containsExactlyInAnyOrder("dev", "stage", "prod");
        assertThat(vm.environments()).extracting(EnvironmentCost::environment).containsExactly("dev", "stage", "prod");
        EnvironmentCost dev = vm.environments().get(0);
        EnvironmentCost stage = vm.environments().get(1);
        EnvironmentCost prod = vm.environments().get(2);
        assertThat(dev.hosts()).isEqualTo(2);
        assertThat(dev.usdPerMonth()).isCloseTo(MONTH_OF_TWO_HOSTS, within(1e-9));
        assertThat(stage.usdPerMonth()).isCloseTo(MONTH_OF_TWO_HOSTS / 2, within(1e-9));
        assertThat(dev.share()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(dev.servicesUsdPerMonth() + dev.standaloneUsdPerMonth() + dev.idleUsdPerMonth()
                + dev.strandedUsdPerMonth()).isCloseTo(dev.usdPerMonth(), within(1e-6));
        assertThat(dev.status()).startsWith("as of ");
        assertThat(prod.usdPerMonth()).isZero();
        assertThat(prod.status()).isNotBlank().doesNotStartWith("as of");

        ServiceAcross api = vm.services().stream().filter(s -> s.service().equals("api")).findFirst().orElseThrow();
        assertThat(api.cluster()).isEqualTo("web");
        assertThat(api.in("stage")).isCloseTo(api.in("dev") / 2, within(1e-9));
        assertThat(api.in("prod")).isNaN();
        assertThat(api.total()).isCloseTo(api.in("dev") * 1.5, within(1e-9));

        String csv = vm.csv(List.of(api));
        assertThat(csv.split("\r\n")).containsExactly("cluster,service,usd_per_month_dev,usd_per_month_stage,"
                + "usd_per_month_prod", String.format(java.util.Locale.ROOT, "web,api,%.2f,%.2f,", api.in("dev"),
                api.in("stage")));
    }
}
