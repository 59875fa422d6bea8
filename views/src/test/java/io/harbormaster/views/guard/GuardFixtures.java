package io.harbormaster.views.guard;

import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.views.fakes.Fixtures;
import java.time.Duration;

/** Sessions in a given role, for the guard's tests. */
public final class GuardFixtures {

    private GuardFixtures() {
    }

    public static EnvironmentSession as(Environment environment, String role, String user) {
        String account = environment.accountId();
        return new EnvironmentSession(environment, new CallerIdentity(account,
                "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + user, "AROA:" + user),
                environment.defaultRegion(), Fixtures.NOW.plus(Duration.ofMinutes(50)));
    }

    public static Environment readOnlyFlag(Environment environment) {
        return EnvironmentBuilder.from(environment).readOnly(true).build();
    }
}
