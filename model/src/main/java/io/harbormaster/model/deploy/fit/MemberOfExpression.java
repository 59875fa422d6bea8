package io.harbormaster.model.deploy.fit;

import io.harbormaster.model.fleet.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A memberOf constraint's cluster query language expression, judged against what the console knows of a host:
 * {@code attribute:ecs.instance-type}, {@code attribute:ecs.availability-zone}, {@code ec2InstanceId},
 * {@code agentConnected} and {@code runningTasksCount}, with {@code == != =~ !~ in not_in exists !exists > >= < <=}
 * joined by {@code and} / {@code or} ({@code and} binds tighter). Custom attributes and other built-in ones
 * ({@code ecs.ami-id}, {@code ecs.os-type}, …) are not in a fleet snapshot: a clause on them is <em>unknown</em>,
 * and {@link #unknownAttributes()} says which, so the fit check can say what it could not judge.
 */
public final class MemberOfExpression {

    private static final String[] OPS = {"not_in", "!exists", "exists", "==", "!=", "=~", "!~", ">=", "<=", ">", "<",
        " in "};

    private record Clause(String lhs, String op, List<String> values, Pattern pattern) {
    }

    private final String text;
    private final List<List<Clause>> anyOf;
    private final List<String> unknown;

    private MemberOfExpression(String text, List<List<Clause>> anyOf, List<String> unknown) {
        this.text = text;
        this.anyOf = anyOf;
        this.unknown = unknown;
    }

    public static MemberOfExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a memberOf constraint needs an expression");
        }
        List<List<Clause>> anyOf = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String disjunct : expression.trim().split("(?i)\\s+or\\s+|\\s*\\|\\|\\s*")) {
            List<Clause> allOf = new ArrayList<>();
            for (String part : disjunct.split("(?i)\\s+and\\s+|\\s*&&\\s*")) {
                Clause clause = clause(part.trim().replaceAll("^\\(|\\)$", "").trim(), expression);
                if (!known(clause.lhs()) && !unknown.contains(clause.lhs())) {
                    unknown.add(clause.lhs());
                }
                allOf.add(clause);
            }
            anyOf.add(allOf);
        }
        return new MemberOfExpression(expression, anyOf, List.copyOf(unknown));
    }

    /** The left-hand sides the console cannot judge from a snapshot; a host is given the benefit of the doubt. */
    public List<String> unknownAttributes() {
        return unknown;
    }

    public boolean matches(Host host) {
        for (List<Clause> allOf : anyOf) {
            boolean all = true;
            for (Clause c : allOf) {
                if (!holds(c, host)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean holds(Clause c, Host host) {
        Optional<String> value = valueOf(c.lhs(), host);
        if (!known(c.lhs())) {
            return true;
        }
        String v = value.orElse("");
        return switch (c.op()) {
            case "exists" -> value.isPresent();
            case "!exists" -> value.isEmpty();
            case "==" -> v.equals(c.values().get(0));
            case "!=" -> !v.equals(c.values().get(0));
            case "=~" -> c.pattern().matcher(v).matches();
            case "!~" -> !c.pattern().matcher(v).matches();
            case "in" -> c.values().contains(v);
            case "not_in" -> !c.values().contains(v);
            default -> compare(v, c.op(), c.values().get(0));
        };
    }

    private static boolean compare(String left, String op, String right) {
        double l;
        double r;
        try {
            l = Double.parseDouble(left);
            r = Double.parseDouble(right);
        } catch (NumberFormatException e) {
            return false;
        }
        return switch (op) {
            case ">" -> l > r;
            case ">=" -> l >= r;
            case "<" -> l < r;
            default -> l <= r;
        };
    }

    private static boolean known(String lhs) {
        return switch (lhs) {
            case "attribute:ecs.instance-type", "attribute:ecs.availability-zone", "ec2InstanceId",
                 "agentConnected", "runningTasksCount" -> true;
            default -> false;
        };
    }

    private static Optional<String> valueOf(String lhs, Host host) {
        String value = switch (lhs) {
            case "attribute:ecs.instance-type" -> host.instanceType();
            case "attribute:ecs.availability-zone" -> host.availabilityZone();
            case "ec2InstanceId" -> host.ec2InstanceId();
            case "agentConnected" -> Boolean.toString(host.agentConnected());
            case "runningTasksCount" -> Integer.toString(host.runningTasks());
            default -> "";
        };
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Clause clause(String c, String expression) {
        String lower = c.toLowerCase(Locale.ROOT);
        for (String op : OPS) {
            int at = lower.indexOf(op);
            if (at <= 0) {
                continue;
            }
            String lhs = c.substring(0, at).trim();
            String rhs = c.substring(at + op.length()).trim();
            String name = op.trim();
            List<String> values = new ArrayList<>();
            if (name.equals("in") || name.equals("not_in")) {
                for (String v : rhs.replaceAll("^[\\[(]|[\\])]$", "").split(",")) {
                    values.add(v.trim());
                }
            } else if (!name.endsWith("exists")) {
                if (rhs.isEmpty()) {
                    break;
                }
                values.add(rhs);
            }
            return new Clause(lhs, name, values, name.endsWith("~") ? pattern(rhs) : null);
        }
        throw new IllegalArgumentException("memberOf expression '" + expression + "' is not cluster query language"
                + " the console can read (near '" + c + "')");
    }

    /** ECS's =~ takes a wildcard such as {@code c5.*}; a regular expression of the same form reads the same. */
    private static Pattern pattern(String rhs) {
        try {
            return Pattern.compile(rhs);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(rhs).replace("*", "\\E.*\\Q"));
        }
    }
}
