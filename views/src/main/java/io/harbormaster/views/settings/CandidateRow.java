package io.harbormaster.views.settings;

import io.harbormaster.model.environment.EnvironmentCandidate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A detected profile as the dialog offers it: ticked or not, and whether it can be added at all. */
public final class CandidateRow {

    private final EnvironmentCandidate candidate;
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen", false);

    CandidateRow(EnvironmentCandidate candidate) {
        this.candidate = candidate;
    }

    public EnvironmentCandidate candidate() {
        return candidate;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    /** A candidate with a problem (a broken chain, an Identity Center assignment no profile enters) is shown, never added. */
    public boolean addable() {
        return candidate.problem().isEmpty();
    }

    /** One line: "prod — role arn:… from ops · account 444444444444 · eu-west-1". */
    public String title() {
        EnvironmentCandidate c = candidate;
        StringBuilder text = new StringBuilder(c.profileName());
        switch (c.kind()) {
            case ASSUMED_ROLE -> text.append(" — ").append(c.roleArn()).append(" from ").append(c.loginProfile());
            case CREDENTIAL_SOURCE -> text.append(" — ").append(c.roleArn()).append(" (credential_source)");
            case SSO -> text.append(" — IAM Identity Center").append(c.roleArn().isBlank() ? "" : " role "
                    + c.roleArn());
        }
        if (!c.accountName().isBlank()) {
            text.append(" · account ").append(c.accountName()).append(c.accountId().isBlank() ? ""
                    : " (" + c.accountId() + ")");
        } else if (!c.accountId().isBlank()) {
            text.append(" · account ").append(c.accountId());
        }
        c.region().ifPresent(r -> text.append(" · ").append(r));
        return text.toString();
    }

    /** What the operator must know before adding it: the problem, the browser login, the MFA device. */
    public String note() {
        if (candidate.kind() == EnvironmentCandidate.Kind.SSO && candidate.problem().isEmpty()) {
            // The console signs in itself (and shares the sign-in with the aws CLI), so no terminal step first.
            return "Signs in with IAM Identity Center in your browser when first entered";
        }
        if (candidate.problem().isPresent()) {
            return "Cannot be added: " + candidate.problem().get();
        }
        return candidate.mfaSerial().map(serial -> "Asks for an MFA code (" + serial + ")").orElse("");
    }
}
