package io.harbormaster.sandbox.elb;

import io.harbormaster.sandbox.iam.Account;
import io.harbormaster.sandbox.iam.Iam;

/** Which environment an account is, and the DNS domains its fleet publishes names under. */
public final class Environments {

    private Environments() {
    }

    /** dev, stage or prod for the environment accounts; the account id otherwise. */
    public static String of(String accountId) {
        for (Account a : Iam.ENVIRONMENTS) {
            if (a.id().equals(accountId)) {
                return a.name();
            }
        }
        return accountId;
    }

    /** The public domain: example.com for prod, stage.example.com and dev.example.com for the others. */
    public static String publicDomain(String env) {
        return "prod".equals(env) ? "example.com" : env + ".example.com";
    }

    /** The private domain internal load balancers are named under, e.g. prod.internal. */
    public static String internalDomain(String env) {
        return env + ".internal";
    }
}
