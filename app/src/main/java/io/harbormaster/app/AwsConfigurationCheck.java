package io.harbormaster.app;

import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the AWS config and credentials files the way an environment's entry will, and says what is wrong with them
 * at once: a file that does not parse (its file and line), and every role profile that cannot be followed back to a
 * login (no source, an unknown source, a loop), all of them, not only the first. Reads files: off the UI thread.
 */
final class AwsConfigurationCheck {

    static final String RELOAD = "then File → Reload AWS configuration (Ctrl+Shift+R).";

    private AwsConfigurationCheck() {
    }

    static Optional<Problem> check(AwsConfigFiles files) {
        AwsProfiles profiles;
        try {
            profiles = AwsProfiles.load(files);
        } catch (OperatorException unparsable) {
            return Optional.of(unparsable.problem());
        }
        List<Problem> problems = new ArrayList<>();
        for (String name : profiles.profiles().keySet()) {
            if (profiles.property(name, "role_arn").isPresent()) {
                try {
                    profiles.checkChain(name);
                } catch (OperatorException e) {
                    problems.add(e.problem());
                }
            }
        }
        return combined(problems, files);
    }

    /** One problem as it is; several as one dialog's worth, each on its line with what to do about it. */
    static Optional<Problem> combined(List<Problem> problems, AwsConfigFiles files) {
        if (problems.size() <= 1) {
            return problems.stream().findFirst();
        }
        StringBuilder message = new StringBuilder();
        StringBuilder details = new StringBuilder();
        for (Problem p : problems) {
            message.append(message.length() == 0 ? "" : "\n").append(p.message());
            details.append(p.message()).append(" — ").append(p.nextStep()).append('\n');
        }
        return Optional.of(new Problem(Problem.Kind.CONFIGURATION, problems.size() + " AWS profiles cannot be used",
                message.toString(), "Fix each in " + files.config() + " (details say how), " + RELOAD,
                details.toString().strip()));
    }
}
