package io.harbormaster.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-22T14:00:00Z");

    @Test
    void timeLeftFollowsTheRenewedExpiryNotTheOneKnownAtEntry() {
        Environment dev = EnvironmentBuilder.anEnvironment("dev").login("ops").account("222222222222")
                .colour("#2E7D32").order(1).build();
        EnvironmentSession entered = new EnvironmentSession(dev,
                new CallerIdentity("222222222222", "arn:aws:sts::222222222222:assumed-role/admin/alice", "x"),
                "us-east-1", NOW.plus(Duration.ofMinutes(3)));
        AtomicReference<Instant> current = new AtomicReference<>(NOW.plus(Duration.ofMinutes(3)));
        AtomicReference<Instant> time = new AtomicReference<>(NOW);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return time.get();
            }
        };
        StatusBarViewModel status = new StatusBarViewModel(new SimpleObjectProperty<>(entered),
                new SimpleObjectProperty<>(NOW), new SimpleBooleanProperty(true), FXCollections.observableArrayList(),
                clock, s -> Optional.ofNullable(current.get()));
        assertThat(status.sessionLeftProperty().get()).isEqualTo("session 3 min left");
        assertThat(status.sessionExpiringProperty().get()).isTrue();

        current.set(NOW.plus(Duration.ofMinutes(58)));
        time.set(NOW.plus(Duration.ofSeconds(30)));
        status.tick();

        assertThat(status.sessionLeftProperty().get()).isEqualTo("session 57 min left");
        assertThat(status.sessionExpiringProperty().get()).isFalse();
    }

    @Test
    void theAsOfOfAPageShowingOldDataIsMarkedStaleUntilItIsCurrent() {
        StatusBarViewModel status = new StatusBarViewModel(new SimpleObjectProperty<>(), new SimpleObjectProperty<>(NOW),
                new SimpleBooleanProperty(true), FXCollections.observableArrayList(), java.time.Clock.fixed(NOW,
                        ZoneOffset.UTC));
        String asOf = status.refreshedProperty().get();
        assertThat(status.staleProperty().get()).isFalse();

        status.pageStalenessProperty().set("Could not refresh dev at 14:02:36: Throttled — Rate exceeded.");
        assertThat(status.refreshedProperty().get()).isEqualTo(asOf + " — stale, see above");
        assertThat(status.staleProperty().get()).isTrue();

        status.pageStalenessProperty().set("");
        assertThat(status.refreshedProperty().get()).isEqualTo(asOf);
        assertThat(status.staleProperty().get()).isFalse();
    }
}
