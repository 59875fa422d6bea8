package io.harbormaster.sandbox.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.JsonService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs filter patterns, the subset the sandbox understands (documented in sandbox/README.md):
 * <ul>
 *   <li>terms: {@code ERROR}, {@code "exact phrase"} — all must occur (case-sensitive substring match);
 *       {@code ?ERROR ?WARN} — any of the {@code ?} terms; {@code -term} — must not occur;</li>
 *   <li>JSON: {@code { $.a.b = "x*" && $.n >= 5 }} with {@code = != < <= > >=}, {@code &&} or {@code ||} (not mixed,
 *       no parentheses), string values with {@code *} wildcards, numbers; events that are not JSON do not match;</li>
 *   <li>space-delimited: {@code [ts, level = ERROR, ..., status >= 500, latency]} — fields split on spaces
 *       ({@code "…"} and {@code […]} kept whole), one {@code ...} for any run of fields, conditions
 *       {@code = != < <= > >=} with {@code *} wildcards in strings.</li>
 * </ul>
 * Anything else is InvalidParameterException rather than a silent non-match.
 */
final class FilterPattern {

    private final Predicate<String> matcher;

    private FilterPattern(Predicate<String> matcher) {
        this.matcher = matcher;
    }

    boolean matches(String message) {
        return matcher.test(message);
    }

    static FilterPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return new FilterPattern(m -> true);
        }
        String p = pattern.trim();
        if (p.startsWith("{")) {
            return json(p);
        }
        if (p.startsWith("[")) {
            return delimited(p);
        }
        return terms(p);
    }

    static AwsException invalid(String pattern, String why) {
        return new AwsException("InvalidParameterException", "Invalid filter pattern '" + pattern + "': " + why);
    }

    // ---------------------------------------------------------------- terms

    private static FilterPattern terms(String p) {
        List<String> all = new ArrayList<>();
        List<String> any = new ArrayList<>();
        List<String> none = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> into = all;
            if (c == '?') {
                into = any;
                i++;
            } else if (c == '-' && i + 1 < p.length() && !Character.isWhitespace(p.charAt(i + 1))) {
                into = none;
                i++;
            }
            String term;
            if (i < p.length() && p.charAt(i) == '"') {
                int end = p.indexOf('"', i + 1);
                if (end < 0) {
                    throw invalid(p, "unterminated quoted term");
                }
                term = p.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = i;
                while (end < p.length() && !Character.isWhitespace(p.charAt(end))) {
                    end++;
                }
                term = p.substring(i, end);
                i = end;
            }
            if (!term.isEmpty()) {
                into.add(term);
            }
        }
        return new FilterPattern(m -> {
            for (String t : all) {
                if (!m.contains(t)) {
                    return false;
                }
            }
            for (String t : none) {
                if (m.contains(t)) {
                    return false;
                }
            }
            if (any.isEmpty()) {
                return true;
            }
            for (String t : any) {
                if (m.contains(t)) {
                    return true;
                }
            }
            return false;
        });
    }

    // ---------------------------------------------------------------- JSON

    private static final Pattern JSON_CONDITION = Pattern.compile(
            "\\s*\\$((?:\\.[A-Za-z0-9_\\-]+|\\[\\d+\\])+)\\s*(=|!=|<=|>=|<|>)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s&|]+)\\s*");

    private static FilterPattern json(String p) {
        if (!p.endsWith("}")) {
            throw invalid(p, "a JSON pattern must end with '}'");
        }
        String body = p.substring(1, p.length() - 1).trim();
        boolean and = body.contains("&&");
        boolean or = body.contains("||");
        if (and && or) {
            throw invalid(p, "the sandbox does not combine && and || in one pattern");
        }
        if (body.contains("(")) {
            throw invalid(p, "the sandbox does not support parentheses in JSON patterns");
        }
        List<Predicate<JsonNode>> conditions = new ArrayList<>();
        for (String part : body.split(and ? "&&" : "\\|\\|")) {
            Matcher m = JSON_CONDITION.matcher(part);
            if (!m.matches()) {
                throw invalid(p, "cannot read the condition '" + part.trim() + "'");
            }
            String path = m.group(1);
            Comparison cmp = new Comparison(m.group(2), m.group(3), p);
            conditions.add(doc -> {
                JsonNode n = at(doc, path);
                if (n == null || n.isMissingNode() || n.isContainerNode()) {
                    return false;
                }
                return cmp.test(n.isNull() ? "null" : n.asText(), n.isNumber());
            });
        }
        return new FilterPattern(message -> {
            String t = message.trim();
            if (!t.startsWith("{")) {
                return false;
            }
            JsonNode doc;
            try {
                doc = JsonService.MAPPER.readTree(t);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return false;
            }
            for (Predicate<JsonNode> c : conditions) {
                boolean ok = c.test(doc);
                if (!ok && !or) {
                    return false;
                }
                if (ok && or) {
                    return true;
                }
            }
            return !or;
        });
    }

    private static JsonNode at(JsonNode doc, String path) {
        JsonNode n = doc;
        Matcher m = Pattern.compile("\\.([A-Za-z0-9_\\-]+)|\\[(\\d+)\\]").matcher(path);
        while (m.find() && n != null) {
            n = m.group(1) != null ? n.get(m.group(1)) : n.get(Integer.parseInt(m.group(2)));
        }
        return n;
    }

    // ---------------------------------------------------------------- space-delimited

    private static final Pattern FIELD = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:(=|!=|<=|>=|<|>)\\s*(.+?))?\\s*");

    private record Field(String name, Comparison cmp) {
    }

    private static FilterPattern delimited(String p) {
        if (!p.endsWith("]")) {
            throw invalid(p, "a space-delimited pattern must end with ']'");
        }
        String body = p.substring(1, p.length() - 1);
        List<Field> before = new ArrayList<>();
        List<Field> after = new ArrayList<>();
        boolean ellipsis = false;
        for (String spec : body.split(",")) {
            String s = spec.trim();
            if (s.equals("...")) {
                if (ellipsis) {
                    throw invalid(p, "the sandbox supports one '...' per pattern");
                }
                ellipsis = true;
                continue;
            }
            if (s.contains("&&") || s.contains("||")) {
                throw invalid(p, "the sandbox does not combine conditions on one field");
            }
            Matcher m = FIELD.matcher(s);
            if (!m.matches()) {
                throw invalid(p, "cannot read the field '" + s + "'");
            }
            Comparison cmp = m.group(2) == null ? null : new Comparison(m.group(2), m.group(3).trim(), p);
            (ellipsis ? after : before).add(new Field(m.group(1), cmp));
        }
        boolean open = ellipsis;
        return new FilterPattern(message -> {
            List<String> fields = split(message.lines().findFirst().orElse(""));
            if (open ? fields.size() < before.size() + after.size() : fields.size() != before.size()) {
                return false;
            }
            for (int i = 0; i < before.size(); i++) {
                Field f = before.get(i);
                if (f.cmp != null && !f.cmp.test(fields.get(i), false)) {
                    return false;
                }
            }
            for (int i = 0; i < after.size(); i++) {
                Field f = after.get(i);
                String v = fields.get(fields.size() - after.size() + i);
                if (f.cmp != null && !f.cmp.test(v, false)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            int end;
            if (c == '"') {
                end = line.indexOf('"', i + 1);
                end = end < 0 ? line.length() : end + 1;
                out.add(line.substring(i + 1, Math.max(i + 1, end - 1)));
            } else if (c == '[') {
                end = line.indexOf(']', i + 1);
                end = end < 0 ? line.length() : end + 1;
                out.add(line.substring(i + 1, Math.max(i + 1, end - 1)));
            } else {
                end = line.indexOf(' ', i);
                end = end < 0 ? line.length() : end;
                out.add(line.substring(i, end));
            }
            i = end;
        }
        return out;
    }

    // ---------------------------------------------------------------- comparisons

    /** One {@code op value} condition: numeric when the value is a number, else a string with * wildcards. */
    private static final class Comparison {
        final String op;
        final Double number;
        final Pattern wildcard;

        Comparison(String op, String raw, String pattern) {
            this.op = op;
            String v = raw.trim();
            Double n = null;
            if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
                v = v.substring(1, v.length() - 1);
            } else {
                try {
                    n = Double.parseDouble(v);
                } catch (NumberFormatException notANumber) {
                    n = null;
                }
            }
            this.number = n;
            if (n == null && !(op.equals("=") || op.equals("!="))) {
                throw invalid(pattern, "'" + op + "' needs a number, got " + raw);
            }
            StringBuilder re = new StringBuilder();
            for (String part : v.split("\\*", -1)) {
                if (re.length() > 0 || v.startsWith("*")) {
                    re.append(".*");
                }
                re.append(Pattern.quote(part));
            }
            this.wildcard = Pattern.compile(v.equals("*") ? ".*" : re.toString(), Pattern.DOTALL);
        }

        boolean test(String value, boolean isNumber) {
            if (number != null) {
                double d;
                try {
                    d = Double.parseDouble(value.replaceAll("[a-zA-Z%]+$", ""));
                } catch (NumberFormatException e) {
                    return op.equals("!=");
                }
                return switch (op) {
                    case "=" -> d == number;
                    case "!=" -> d != number;
                    case "<" -> d < number;
                    case "<=" -> d <= number;
                    case ">" -> d > number;
                    default -> d >= number;
                };
            }
            boolean eq = wildcard.matcher(value).matches();
            return op.equals("=") == eq;
        }
    }
}
