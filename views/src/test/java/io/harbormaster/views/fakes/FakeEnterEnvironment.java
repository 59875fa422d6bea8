package io.harbormaster.views.fakes;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Enters any environment, except those told to deny; environments told to need MFA ask the prompt first. */
public final class FakeEnterEnvironment implements EnterEnvironment {

    public static final String MFA_SERIAL = "arn:aws:iam::111111111111:mfa/alice";

    private final Map<String, OperatorException> denied = new ConcurrentHashMap<>();
    private final Set<String> needsMfa = ConcurrentHashMap.newKeySet();
    public final List<String> entered = new CopyOnWriteArrayList<>();
    public final List<String> codes = new CopyOnWriteArrayList<>();

    public FakeEnterEnvironment deny(Environment environment) {
        denied.put(environment.id(), Fixtures.denied(environment));
        return this;
    }

    public FakeEnterEnvironment requireMfa(Environment environment) {
        needsMfa.add(environment.id());
        return this;
    }

    @Override
    public EnvironmentSession enter(Environment environment, MfaPrompt mfaPrompt) {
        entered.add(environment.id());
        OperatorException no = denied.get(environment.id());
        if (no != null) {
            throw no;
        }
        if (needsMfa.contains(environment.id())) {
            String code = mfaPrompt.askCode(environment, MFA_SERIAL).orElseThrow(() -> new OperatorException(
                    new Problem(Problem.Kind.MFA_REQUIRED, "MFA code needed",
                            "Entering " + environment.displayName() + " needs a code from your MFA device.",
                            "Select the environment again and enter the code.", "")));
            codes.add(code);
        }
        return Fixtures.session(environment);
    }
}
