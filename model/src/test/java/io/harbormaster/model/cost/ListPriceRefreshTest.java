package io.harbormaster.model.cost;

import static io.harbormaster.model.fleet.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.Fixtures;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.model.testdata.InMemoryPriceBook;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListPriceRefreshTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-06");
    private static final EnvironmentSession SESSION = new EnvironmentSession(EnvironmentBuilder.sandbox("prod").build(),
            new CallerIdentity("444444444444", "arn:aws:sts::444444444444:assumed-role/admin/alice", "AROA"),
            "us-east-1", Fixtures.T0);

    private static Host typed(String id, String type) {
        Host h = host(id, 4096, 8192, 4096, 8192, PortSet.EMPTY);
        return new Host(h.arn(), h.clusterArn(), h.ec2InstanceId(), type, h.availabilityZone(), h.status(), true,
                4096, 8192, 4096, 8192, PortSet.EMPTY, PortSet.EMPTY, 0, 0);
    }

    @Test
    void fetchesOnlyTypesNotCachedOrTooOldAndNamesTheUnlisted() {
        FleetSnapshot s = Fixtures.snapshot(List.of(), List.of(typed("a", "c5.xlarge"), typed("b", "c5.xlarge"),
                typed("c", "m5.large"), typed("d", "r5.large"), typed("e", "x9.odd")), List.of(), Map.of());
        InMemoryPriceBook book = new InMemoryPriceBook();
        book.putListPrice("us-east-1", "m5.large", HostPrice.onDemand(0.096, LocalDate.parse("2026-12-01")));
        book.putListPrice("us-east-1", "r5.large", HostPrice.onDemand(0.12, LocalDate.parse("2026-10-01")));
        List<String> asked = new ArrayList<>();
        ListPrices aws = (session, type) -> {
            asked.add(type);
            return "x9.odd".equals(type) ? Optional.empty() : Optional.of(HostPrice.onDemand(0.5, TODAY));
        };

        List<String> unlisted = ListPriceRefresh.refresh(s, SESSION, book, aws, TODAY, Period.ofDays(30));

        assertThat(asked).containsExactly("c5.xlarge", "r5.large", "x9.odd");
        assertThat(unlisted).containsExactly("x9.odd");
        assertThat(book.listPrice("us-east-1", "r5.large")).contains(HostPrice.onDemand(0.5, TODAY));
        assertThat(book.listPrice("us-east-1", "m5.large")).get().extracting(HostPrice::fetched)
                .isEqualTo(LocalDate.parse("2026-12-01"));
    }
}
