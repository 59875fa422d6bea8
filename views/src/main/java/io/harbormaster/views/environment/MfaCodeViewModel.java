package io.harbormaster.views.environment;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.error.Problem;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The MFA prompt's state: which environment and device, the code typed so far, whether it can be sent, whether it is
 * being checked or was refused, and, on the sandbox only, the code its practice device shows now.
 */
public final class MfaCodeViewModel {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private final Environment environment;
    private final String mfaSerial;
    private final Function<String, Optional<String>> practiceCodes;
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking", false);
    private final ReadOnlyStringWrapper practiceCode = new ReadOnlyStringWrapper(this, "practiceCode", "");
    private final BooleanBinding valid;
    private final StringBinding validationMessage;

    public MfaCodeViewModel(Environment environment, String mfaSerial) {
        this(environment, mfaSerial, serial -> Optional.empty());
    }

    /** @param practiceCodes the code a sandbox's practice device shows now; empty for every real device */
    public MfaCodeViewModel(Environment environment, String mfaSerial,
            Function<String, Optional<String>> practiceCodes) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.mfaSerial = mfaSerial == null ? "" : mfaSerial;
        this.practiceCodes = Objects.requireNonNull(practiceCodes, "practiceCodes");
        valid = Bindings.createBooleanBinding(() -> !checking.get() && SIX_DIGITS.matcher(normalized()).matches(),
                code, checking);
        validationMessage = Bindings.createStringBinding(this::explain, code, checking, refusal);
        // A refusal speaks of the code that was sent; typing another one makes it old news.
        code.addListener((obs, old, now) -> refusal.set(""));
        refreshPracticeCode();
    }

    private String normalized() {
        String text = code.get();
        return text == null ? "" : text.replace(" ", "").strip();
    }

    private String explain() {
        if (checking.get()) {
            return "Checking the code…";
        }
        if (!refusal.get().isEmpty()) {
            return refusal.get();
        }
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

    /** The code was sent: nothing can be sent again until it is accepted or refused. */
    public void checking() {
        checking.set(true);
    }

    /** AWS refused the code: the prompt stays, says why, and takes another. */
    public void refused(Problem problem) {
        checking.set(false);
        code.set("");
        refusal.set("Refused: " + problem.message() + " " + problem.nextStep());
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** Whether the last code sent was refused (the hint then says why). */
    public BooleanBinding refusedProperty() {
        return refusal.isNotEmpty();
    }

    /** Only on the sandbox: its practice device's codes can be shown; a real device's never can. */
    public boolean offersPracticeCode() {
        return practiceCodes.apply(mfaSerial).isPresent();
    }

    /** The practice device's code now ("" on real AWS); it changes every 30 s of sandbox time. */
    public ReadOnlyStringProperty practiceCodeProperty() {
        return practiceCode.getReadOnlyProperty();
    }

    public void refreshPracticeCode() {
        practiceCode.set(practiceCodes.apply(mfaSerial).orElse(""));
    }

    /** Types the practice device's code of this moment into the field (a fast sandbox clock moves it quickly). */
    public void usePracticeCode() {
        refreshPracticeCode();
        if (!practiceCode.get().isEmpty()) {
            code.set(practiceCode.get());
        }
    }
}
