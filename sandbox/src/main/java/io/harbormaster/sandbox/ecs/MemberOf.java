package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.core.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The part of ECS's cluster query language that memberOf constraints use in practice:
 * {@code attribute:ecs.instance-type =~ c5.*}, {@code attribute:ecs.availability-zone in [us-east-1a, us-east-1b]},
 * {@code ==}, {@code !=}, {@code !~}, {@code not_in}, {@code exists}, joined with {@code and} / {@code or}
 * ({@code and} binds tighter). The left-hand side may also be {@code ec2InstanceId} or {@code agentConnected}.
 */
final class MemberOf {

    private record Clause(String lhs, String op, List<String> values, Pattern pattern) {
    }

    private final String expression;
    private final List<List<Clause>> anyOf;

    private MemberOf(String expression, List<List<Clause>> anyOf) {
        this.expression = expression;
        this.anyOf = anyOf;
    }

    static MemberOf parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw invalid(expression);
        }
        List<List<Clause>> anyOf = new ArrayList<>();
        for (String disjunct : expression.split("(?i)\\s+or\\s+|\\s*\\|\\|\\s*")) {
            List<Clause> allOf = new ArrayList<>();
            for (String c : disjunct.split("(?i)\\s+and\\s+|\\s*&&\\s*")) {
                allOf.add(clause(c.trim(), expression));
            }
            anyOf.add(allOf);
        }
        return new MemberOf(expression, anyOf);
    }

    private static Clause clause(String c, String expression) {
        String[] ops = {"not_in", "!exists", "exists", "==", "!=", "=~", "!~", "in"};
        for (String op : ops) {
            int at = indexOfOp(c, op);
            if (at > 0) {
                String lhs = c.substring(0, at).trim();
                String rhs = c.substring(at + op.length()).trim();
                List<String> values = new ArrayList<>();
                if (op.equals("in") || op.equals("not_in")) {
                    String inner = rhs.replaceAll("^[\\[(]|[\\])]$", "");
                    for (String v : inner.split(",")) {
                        values.add(v.trim());
                    }
                } else if (!op.endsWith("exists")) {
                    if (rhs.isEmpty()) {
                        throw invalid(expression);
                    }
                    values.add(rhs);
                }
                Pattern pattern = null;
                if (op.equals("=~") || op.equals("!~")) {
                    try {
                        pattern = Pattern.compile(rhs);
                    } catch (PatternSyntaxException e) {
                        pattern = Pattern.compile(Pattern.quote(rhs).replace("*", "\\E.*\\Q"));
                    }
                }
                if (!lhs.startsWith("attribute:") && !lhs.equals("ec2InstanceId") && !lhs.equals("agentConnected")) {
                    throw invalid(expression);
                }
                return new Clause(lhs, op, values, pattern);
            }
        }
        throw invalid(expression);
    }

    private static int indexOfOp(String c, String op) {
        boolean word = Character.isLetter(op.charAt(op.length() - 1));
        String lower = c.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf(op, from);
            if (at < 0) {
                return -1;
            }
            boolean before = at > 0 && Character.isWhitespace(c.charAt(at - 1));
            boolean after = at + op.length() < c.length() && Character.isWhitespace(c.charAt(at + op.length()))
                    || at + op.length() == c.length();
            if (!word || (before && after)) {
                // "in" must not match inside "ecs.instance-type" nor "not_in"
                if (!(op.equals("in") && at >= 4 && lower.startsWith("not_", at - 4))) {
                    return at;
                }
            }
            from = at + 1;
        }
    }

    private static AwsException invalid(String expression) {
        return new AwsException("InvalidParameterException", "Invalid placement constraint expression: " + expression);
    }

    boolean matches(ContainerInstance ci) {
        for (List<Clause> allOf : anyOf) {
            boolean ok = true;
            for (Clause c : allOf) {
                if (!matches(c, ci)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Clause c, ContainerInstance ci) {
        String v = switch (c.lhs) {
            case "ec2InstanceId" -> ci.ec2InstanceId;
            case "agentConnected" -> String.valueOf(ci.agentConnected);
            default -> ci.attribute(c.lhs.substring("attribute:".length()));
        };
        return switch (c.op) {
            case "exists" -> v != null;
            case "!exists" -> v == null;
            case "==" -> c.values.get(0).equals(v);
            case "!=" -> !c.values.get(0).equals(v);
            case "=~" -> v != null && c.pattern.matcher(v).matches();
            case "!~" -> v == null || !c.pattern.matcher(v).matches();
            case "in" -> v != null && c.values.contains(v);
            case "not_in" -> v == null || !c.values.contains(v);
            default -> false;
        };
    }

    @Override
    public String toString() {
        return expression;
    }
}
