package io.harbormaster.views.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.fakes.Fixtures;
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
}
