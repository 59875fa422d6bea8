package io.harbormaster.sandbox.iam;

import io.harbormaster.sandbox.core.Permissions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IAM identity-based policy as an administrator writes one: statements of Effect, Action and Resource, with the
 * {@code *} and {@code ?} wildcards. Evaluated as IAM does without conditions: an explicit Deny wins, then any
 * Allow, else the implicit deny. Action names match without regard to case, resources exactly.
 */
public record Policy(String name, List<Statement> statements) {

    /** One statement. */
    public record Statement(boolean allow, List<String> actions, List<String> resources) {
        public Statement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }

        boolean matches(String action, String resource) {
            return actions.stream().anyMatch(a -> wildcard(a.toLowerCase(Locale.ROOT))
                    .matcher(action.toLowerCase(Locale.ROOT)).matches())
                    && resources.stream().anyMatch(r -> wildcard(r).matcher(resource).matches());
        }
    }

    public Policy {
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
    }

    public static Statement allow(List<String> actions, List<String> resources) {
        return new Statement(true, actions, resources);
    }

    public static Statement deny(List<String> actions, List<String> resources) {
        return new Statement(false, actions, resources);
    }

    /** What a set of policies allows together. */
    public static Permissions of(List<Policy> policies) {
        List<Statement> all = policies.stream().flatMap(p -> p.statements().stream()).toList();
        return (action, resource) -> all.stream().noneMatch(s -> !s.allow() && s.matches(action, resource))
                && all.stream().anyMatch(s -> s.allow() && s.matches(action, resource));
    }

    private static Pattern wildcard(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
