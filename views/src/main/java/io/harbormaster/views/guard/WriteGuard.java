package io.harbormaster.views.guard;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.views.environment.EnvironmentText;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * What every write goes through. Per environment it knows whether writes are allowed and, if not, why: the
 * environment is flagged read-only, the session's role is a read-only one, or AWS denied a write there before.
 * Before a write it refuses (read-only), asks for the resource's name to be typed (production), or lets it go.
 *
 * <pre>{@code
 * button.disableProperty().bind(guard.writesAllowedProperty().not());
 * tooltip.textProperty().bind(guard.writeDisabledReasonProperty());
 * ...
 * if (guard.check(session, new WriteRequest("Scale service", "web", "desired count 2 → 5")) == Verdict.APPROVED) {
 *     executor.submit(...);   // and on an ACCESS_DENIED failure: guard.writeDenied(session, problem)
 * }
 * }</pre>
 * Lives on the UI thread.
 */
public final class WriteGuard {

    /** What {@link #check} decided. */
    public enum Verdict {
        /** Go ahead. */
        APPROVED,
        /** The operator backed out of the typed-name confirmation. */
        CANCELLED,
        /** Writes are not allowed here; {@link #refusal} says why. */
        REFUSED
    }

    /** Said on a write action when no environment is open. */
    public static final String NO_ENVIRONMENT = "Choose an environment first";

    private final TypedConfirmation confirmation;
    /** Environment id → the write AWS denied there, for as long as the app runs. */
    private final ObservableMap<String, Problem> denied = FXCollections.observableHashMap();
    private final Permission currentPermission;

    public WriteGuard(ObservableValue<EnvironmentSession> current, TypedConfirmation confirmation) {
        Objects.requireNonNull(current, "current");
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
        this.currentPermission = permissionFor(current);
    }

    /** Whether writes are allowed in the current environment. */
    public BooleanBinding writesAllowedProperty() {
        return currentPermission.writesAllowed();
    }

    /** Why not, for a disabled write action's tooltip; empty while writes are allowed. */
    public StringBinding writeDisabledReasonProperty() {
        return currentPermission.reason();
    }

    /** The same pair for another open environment (the other half of a side-by-side view). */
    public Permission permissionFor(ObservableValue<EnvironmentSession> session) {
        StringBinding reason = Bindings.createStringBinding(
                () -> session.getValue() == null ? NO_ENVIRONMENT : refusal(session.getValue()).orElse(""),
                session, denied);
        BooleanBinding allowed = Bindings.createBooleanBinding(() -> reason.get().isEmpty(), reason);
        return new Permission(allowed, reason);
    }

    /** A pair of observable values a write action binds its {@code disable} and tooltip to. */
    public record Permission(BooleanBinding writesAllowed, StringBinding reason) {
    }

    /** Why writes are not allowed in the session's environment, if they are not. */
    public Optional<String> refusal(EnvironmentSession session) {
        Environment environment = session.environment();
        // The role first: it is why the flag is usually set, and the more specific thing to say.
        String role = roleName(session);
        if (role.toLowerCase(Locale.ROOT).contains("readonly")) {
            return Optional.of(environment.displayName() + " is read-only: role " + role
                    + " cannot change anything");
        }
        if (environment.readOnly()) {
            return Optional.of("Read-only environment (set in Environments…)");
        }
        Problem before = denied.get(environment.id());
        if (before != null) {
            return Optional.of(environment.displayName() + " is read-only: AWS denied a write here before ("
                    + before.message() + ")");
        }
        return Optional.empty();
    }

    /**
     * Decides on a write in {@code session}'s environment: refused when read-only, the typed name asked for in
     * production, approved otherwise. Call on the UI thread, right before submitting the write.
     */
    public Verdict check(EnvironmentSession session, WriteRequest request) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(request, "request");
        if (refusal(session).isPresent()) {
            return Verdict.REFUSED;
        }
        if (session.environment().production()) {
            boolean typed = confirmation.confirm(new ConfirmByTypingViewModel(session.environment(), request));
            return typed ? Verdict.APPROVED : Verdict.CANCELLED;
        }
        return Verdict.APPROVED;
    }

    /** Tells the guard a write failed; an access denial makes the environment read-only from now on. */
    public void writeFailed(EnvironmentSession session, Problem problem) {
        if (problem.kind() == Problem.Kind.ACCESS_DENIED) {
            denied.put(session.environment().id(), problem);
        }
    }

    /** The role the session landed in: "readonly" from …:assumed-role/readonly/carol; else the configured role. */
    static String roleName(EnvironmentSession session) {
        String arn = session.identity().arn();
        int at = arn.indexOf(":assumed-role/");
        if (at >= 0) {
            String rest = arn.substring(at + ":assumed-role/".length());
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        return EnvironmentText.roleName(session.environment());
    }
}
