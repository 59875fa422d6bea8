package io.harbormaster.views.guard;

import static io.harbormaster.views.fakes.Fixtures.PROD;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfirmByTypingViewModelTest {

    private final ConfirmByTypingViewModel vm = new ConfirmByTypingViewModel(PROD,
            new WriteRequest("Scale service", "payments-api", "desired count 4 → 6"));

    @Test
    void onlyTheExactNameMatches() {
        assertThat(vm.matchesProperty().get()).isFalse();
        assertThat(vm.hintProperty().get()).isEqualTo("Type payments-api to confirm.");

        vm.typedProperty().set("payments");
        assertThat(vm.matchesProperty().get()).isFalse();
        assertThat(vm.hintProperty().get()).isEqualTo("Keep typing: payments-api");

        vm.typedProperty().set("Payments-API");
        assertThat(vm.matchesProperty().get()).isFalse();
        assertThat(vm.hintProperty().get()).startsWith("Letter case differs");

        vm.typedProperty().set("payments-api ");
        assertThat(vm.matchesProperty().get()).isFalse();
        assertThat(vm.hintProperty().get()).isEqualTo("Remove the extra spaces.");

        vm.typedProperty().set("orders-api");
        assertThat(vm.matchesProperty().get()).isFalse();
        assertThat(vm.hintProperty().get()).isEqualTo("Does not match payments-api.");

        vm.typedProperty().set("payments-api");
        assertThat(vm.matchesProperty().get()).isTrue();
        assertThat(vm.hintProperty().get()).isEqualTo("Name matches.");
    }

    @Test
    void saysWhatAndWhere() {
        assertThat(vm.heading()).isEqualTo("Scale service payments-api in prod");
        assertThat(vm.confirmLabel()).isEqualTo("Scale service in prod");
        assertThat(vm.environment().production()).isTrue();
        assertThat(vm.request().preview()).isEqualTo("desired count 4 → 6");
    }
}
