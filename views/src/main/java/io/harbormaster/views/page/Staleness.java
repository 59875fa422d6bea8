package io.harbormaster.views.page;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/** How a page that shows reads of two kinds says its {@linkplain Page#staleness() staleness}: each, one a line. */
public final class Staleness {

    private Staleness() {
    }

    /** Both stalenesses that are not empty, one a line. */
    public static StringBinding joined(ObservableValue<String> first, ObservableValue<String> second) {
        return Bindings.createStringBinding(() -> Stream.of(first.getValue(), second.getValue())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n")), first, second);
    }
}
