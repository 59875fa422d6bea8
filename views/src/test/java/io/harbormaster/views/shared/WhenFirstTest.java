package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

class WhenFirstTest {

    @Test
    void runsOnceTheFirstTimeTheValueIsWantedAndNeverAgain() {
        SimpleBooleanProperty flag = new SimpleBooleanProperty(false);
        AtomicInteger runs = new AtomicInteger();
        WhenFirst.isTrue(flag, runs::incrementAndGet);
        assertThat(runs).hasValue(0);

        flag.set(true);
        flag.set(false);
        flag.set(true);
        assertThat(runs).hasValue(1);
    }

    @Test
    void runsAtOnceWhenTheValueIsAlreadyWanted() {
        AtomicInteger runs = new AtomicInteger();
        WhenFirst.isTrue(new SimpleBooleanProperty(true), runs::incrementAndGet);
        assertThat(runs).hasValue(1);
    }

    @Test
    void waitsPastUnwantedChanges() {
        SimpleStringProperty value = new SimpleStringProperty("a");
        AtomicInteger runs = new AtomicInteger();
        WhenFirst.holds(value, "c"::equals, runs::incrementAndGet);
        value.set("b");
        assertThat(runs).hasValue(0);
        value.set("c");
        value.set("d");
        value.set("c");
        assertThat(runs).hasValue(1);
    }
}
