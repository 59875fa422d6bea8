package io.harbormaster.views.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.error.Problem;
import io.harbormaster.views.fakes.Fixtures;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MfaCodeViewModelTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "123456   | true  | ''",
            "123 456  | true  | ''",
            "' 654321'| true  | ''",
            "''       | false | Enter the 6-digit code your MFA device shows now.",
            "12345    | false | The code has 6 digits; 5 entered.",
            "1234567  | false | The code has 6 digits; 7 entered.",
            "12a456   | false | The code has digits only.",
    })
    void acceptsExactlySixDigits(String typed, boolean valid, String message) {
        MfaCodeViewModel vm = new MfaCodeViewModel(Fixtures.PROD, "arn:aws:iam::111111111111:mfa/alice");
        vm.codeProperty().set(typed);
        assertThat(vm.validProperty().get()).isEqualTo(valid);
        assertThat(vm.validationMessageProperty().get()).isEqualTo(message);
        assertThat(vm.acceptedCode().isPresent()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"123 456, 123456", "' 000111 ', 000111"})
    void sendsTheCodeWithoutSpaces(String typed, String sent) {
        MfaCodeViewModel vm = new MfaCodeViewModel(Fixtures.PROD, "serial");
        vm.codeProperty().set(typed);
        assertThat(vm.acceptedCode()).contains(sent);
    }

    private static final String ALICE = "arn:aws:iam::111111111111:mfa/alice";

    @Test
    void aRealDeviceOffersNoCode() {
        MfaCodeViewModel vm = new MfaCodeViewModel(Fixtures.PROD, ALICE);
        assertThat(vm.offersPracticeCode()).isFalse();
        vm.usePracticeCode();
        assertThat(vm.codeProperty().get()).isEmpty();
    }

    @Test
    void theSandboxsPracticeDeviceOffersItsCurrentCodeAndOnlyForItsOwnSerial() {
        AtomicReference<String> shown = new AtomicReference<>("123456");
        MfaCodeViewModel alice = new MfaCodeViewModel(Fixtures.PROD, ALICE,
                serial -> serial.equals(ALICE) ? Optional.of(shown.get()) : Optional.empty());
        MfaCodeViewModel someoneElse = new MfaCodeViewModel(Fixtures.PROD, "arn:aws:iam::999999999999:mfa/eve",
                serial -> serial.equals(ALICE) ? Optional.of(shown.get()) : Optional.empty());

        assertThat(alice.offersPracticeCode()).isTrue();
        assertThat(alice.practiceCodeProperty().get()).isEqualTo("123456");
        assertThat(someoneElse.offersPracticeCode()).isFalse();

        shown.set("654321"); // the device turned over
        alice.usePracticeCode();
        assertThat(alice.codeProperty().get()).isEqualTo("654321");
        assertThat(alice.acceptedCode()).contains("654321");
    }

    @Test
    void aRefusedCodeIsSaidAndAnotherTaken() {
        MfaCodeViewModel vm = new MfaCodeViewModel(Fixtures.PROD, ALICE);
        vm.codeProperty().set("000000");
        vm.checking();
        assertThat(vm.validProperty().get()).as("not sent twice while checked").isFalse();
        assertThat(vm.validationMessageProperty().get()).isEqualTo("Checking the code…");

        vm.refused(new Problem(Problem.Kind.MFA_INVALID, "MFA code refused", "The code for " + ALICE
                + " was not accepted.", "Wait for the next code on your device and try again.", ""));

        assertThat(vm.codeProperty().get()).as("cleared for the next one").isEmpty();
        assertThat(vm.refusedProperty().get()).isTrue();
        assertThat(vm.validationMessageProperty().get()).isEqualTo("Refused: The code for " + ALICE
                + " was not accepted. Wait for the next code on your device and try again.");
        vm.codeProperty().set("12345");
        assertThat(vm.refusedProperty().get()).as("typing again puts the refusal away").isFalse();
        vm.codeProperty().set("123456");
        assertThat(vm.validProperty().get()).isTrue();
    }
}
