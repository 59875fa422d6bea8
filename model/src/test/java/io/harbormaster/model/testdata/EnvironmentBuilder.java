package io.harbormaster.model.testdata;

import io.harbormaster.model.environment.Environment;
import java.util.List;

/**
 * An {@link Environment} for a test: {@code anEnvironment("dev").account("222222222222").build()}, or one of the
 * sandbox's profiles with {@link #sandbox}. Defaults: named and profiled as its id, no login, account or role, region
 * us-east-1, colour #336699, neither production nor read-only, order 0.
 */
public final class EnvironmentBuilder {

    private String id;
    private String displayName;
    private String profileName;
    private String loginProfile = "";
    private String accountId = "";
    private String roleArn = "";
    private List<String> regions = List.of("us-east-1");
    private String colour = "#336699";
    private boolean production;
    private boolean readOnly;
    private int order;

    private EnvironmentBuilder(String id) {
        this.id = id;
        this.displayName = id;
        this.profileName = id;
    }

    public static EnvironmentBuilder anEnvironment(String id) {
        return new EnvironmentBuilder(id);
    }

    /**
     * The sandbox's generated profile {@code sandbox-NAME}, entered from the {@code sandbox-ops} login; "prod" is
     * production.
     */
    public static EnvironmentBuilder sandbox(String name) {
        return anEnvironment("sandbox-" + name).displayName(name).login("sandbox-ops").production("prod".equals(name));
    }

    /** Everything as the given environment has it, to change a field or two. */
    public static EnvironmentBuilder from(Environment e) {
        return anEnvironment(e.id()).displayName(e.displayName()).profile(e.profileName()).login(e.loginProfile())
                .account(e.accountId()).role(e.roleArn()).regions(e.regions()).colour(e.colour())
                .production(e.production()).readOnly(e.readOnly()).order(e.order());
    }

    public EnvironmentBuilder id(String value) {
        id = value;
        return this;
    }

    public EnvironmentBuilder displayName(String value) {
        displayName = value;
        return this;
    }

    public EnvironmentBuilder profile(String value) {
        profileName = value;
        return this;
    }

    public EnvironmentBuilder login(String value) {
        loginProfile = value;
        return this;
    }

    public EnvironmentBuilder account(String value) {
        accountId = value;
        return this;
    }

    public EnvironmentBuilder role(String value) {
        roleArn = value;
        return this;
    }

    public EnvironmentBuilder regions(String... values) {
        return regions(List.of(values));
    }

    public EnvironmentBuilder regions(List<String> values) {
        regions = values;
        return this;
    }

    public EnvironmentBuilder colour(String value) {
        colour = value;
        return this;
    }

    public EnvironmentBuilder production(boolean value) {
        production = value;
        return this;
    }

    public EnvironmentBuilder readOnly(boolean value) {
        readOnly = value;
        return this;
    }

    public EnvironmentBuilder order(int value) {
        order = value;
        return this;
    }

    public Environment build() {
        return new Environment(id, displayName, profileName, loginProfile, accountId, roleArn, regions, colour,
                production, readOnly, order);
    }
}
