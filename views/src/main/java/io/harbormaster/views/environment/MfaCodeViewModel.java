package io.harbormaster.views.environment;

import io.harbormaster.model.environment.Environment;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The MFA prompt's state: which environment and device, the code typed so far, and whether it can be sent. */
public final class MfaCodeViewModel {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private final Environment environment;
    private final String mfaSerial;
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final BooleanBinding valid;
    private final StringBinding validationMessage;

    public MfaCodeViewModel(Environment environment, String mfaSerial) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.mfaSerial = mfaSerial == null ? "" : mfaSerial;
        valid = Bindings.createBooleanBinding(() -> SIX_DIGITS.matcher(normalized()).matches(), code);
        validationMessage = Bindings.createStringBinding(this::explain, code);
    }

    private String normalized() {
        String text = code.get();
        return text == null ? "" : text.replace(" ", "").strip();
    }

    private String explain() {
        String text = normalized();
        if (text.isEmpty()) {
            return "Enter the 6-digit code your MFA device shows now.";
        }
        if (!text.chars().allMatch(Character::isDigit)) {
            return "The code has digits only.";
        }
        if (text.length() != 6) {
            return "The code has 6 digits; " + text.length() + " entered.";
        }
        return "";
    }

    public Environment environment() {
        return environment;
    }

    public String mfaSerial() {
        return mfaSerial;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public StringBinding validationMessageProperty() {
        return validationMessage;
    }

    /** The code to send, if it is well-formed; spaces typed for readability ("123 456") are dropped. */
    public Optional<String> acceptedCode() {
        return valid.get() ? Optional.of(normalized()) : Optional.empty();
    }
}
