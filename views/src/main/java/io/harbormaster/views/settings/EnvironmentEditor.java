package io.harbormaster.views.settings;

import io.harbormaster.model.environment.Environment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The form for one environment: a text property per field and, beside each, what is wrong with it (empty when
 * nothing is). The rules are {@link Environment}'s own, said in words; {@link #build} makes the environment.
 */
public final class EnvironmentEditor {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty colour = new SimpleStringProperty(this, "colour", "#1565C0");
    private final StringProperty accountId = new SimpleStringProperty(this, "accountId", "");
    private final StringProperty roleArn = new SimpleStringProperty(this, "roleArn", "");
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final StringProperty loginProfile = new SimpleStringProperty(this, "loginProfile", "");
    private final StringProperty regions = new SimpleStringProperty(this, "regions", "");
    private final BooleanProperty production = new SimpleBooleanProperty(this, "production");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");

    private final StringBinding displayNameError = Bindings.createStringBinding(
            () -> blank(displayName.get()) ? "A display name is needed, e.g. prod" : "", displayName);
    private final StringBinding colourError = Bindings.createStringBinding(
            () -> COLOUR.matcher(text(colour.get())).matches() ? "" : "A colour as #RRGGBB, e.g. #C62828", colour);
    private final StringBinding accountError = Bindings.createStringBinding(() -> {
        String value = text(accountId.get());
        return value.isEmpty() || ACCOUNT.matcher(value).matches() ? ""
                : "12 digits, or empty until the environment is first entered";
    }, accountId);
    private final StringBinding roleError = Bindings.createStringBinding(() -> {
        String value = text(roleArn.get());
        return value.isEmpty() || value.startsWith("arn:") ? "" : "A role ARN, e.g. arn:aws:iam::444444444444:role/admin";
    }, roleArn);
    private final StringBinding profileError = Bindings.createStringBinding(
            () -> blank(profile.get()) ? "The AWS profile that enters it is needed" : "", profile);
    private final StringBinding regionsError = Bindings.createStringBinding(() -> {
        List<String> list = regionList();
        if (list.isEmpty()) {
            return "At least one region, e.g. eu-west-1";
        }
        Optional<String> bad = list.stream().filter(r -> !REGION.matcher(r).matches()).findFirst();
        return bad.map(r -> "'" + r + "' is not a region name like eu-west-1").orElse("");
    }, regions);
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> displayNameError.get().isEmpty()
                    && colourError.get().isEmpty() && accountError.get().isEmpty() && roleError.get().isEmpty()
                    && profileError.get().isEmpty() && regionsError.get().isEmpty(),
            displayNameError, colourError, accountError, roleError, profileError, regionsError);

    /** Fills the form from an environment. */
    public void load(Environment e) {
        displayName.set(e.displayName());
        colour.set(e.colour().toUpperCase(Locale.ROOT));
        accountId.set(e.accountId());
        roleArn.set(e.roleArn());
        profile.set(e.profileName());
        loginProfile.set(e.loginProfile());
        regions.set(String.join(", ", e.regions()));
        production.set(e.production());
        readOnly.set(e.readOnly());
    }

    /** The environment the form describes, keeping {@code id} and {@code order}; only call when valid. */
    public Environment build(String id, int order) {
        return new Environment(id, text(displayName.get()), text(profile.get()), text(loginProfile.get()),
                text(accountId.get()), text(roleArn.get()), regionList(), text(colour.get()).toUpperCase(Locale.ROOT),
                production.get(), readOnly.get(), order);
    }

    /** "eu-west-1, us-east-1" → both; blanks and stray commas dropped. */
    public List<String> regionList() {
        return Arrays.stream(text(regions.get()).split("[,\\s]+")).map(String::strip).filter(r -> !r.isEmpty())
                .toList();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty colourProperty() {
        return colour;
    }

    public StringProperty accountIdProperty() {
        return accountId;
    }

    public StringProperty roleArnProperty() {
        return roleArn;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty loginProfileProperty() {
        return loginProfile;
    }

    public StringProperty regionsProperty() {
        return regions;
    }

    public BooleanProperty productionProperty() {
        return production;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public StringBinding displayNameErrorProperty() {
        return displayNameError;
    }

    public StringBinding colourErrorProperty() {
        return colourError;
    }

    public StringBinding accountErrorProperty() {
        return accountError;
    }

    public StringBinding roleErrorProperty() {
        return roleError;
    }

    public StringBinding profileErrorProperty() {
        return profileError;
    }

    public StringBinding regionsErrorProperty() {
        return regionsError;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
