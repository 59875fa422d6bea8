package io.harbormaster.sandbox.iam;

/** An AWS account of the sandbox: ops holds the users, dev/stage/prod hold the roles and the fleets. */
public record Account(String name, String id) {

    public static final Account OPS = new Account("ops", "111111111111");
    public static final Account DEV = new Account("dev", "222222222222");
    public static final Account STAGE = new Account("stage", "333333333333");
    public static final Account PROD = new Account("prod", "444444444444");
}
