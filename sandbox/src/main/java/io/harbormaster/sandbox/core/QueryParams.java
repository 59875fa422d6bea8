package io.harbormaster.sandbox.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a query-protocol request ({@code Action=…&Version=…&RoleArn=…}), with AWS's flattening of
 * lists ({@code Names.member.1}) and structures ({@code Actions.member.1.Type}) unfolded by {@link #members} and
 * {@link #sub}. Validation failures are AWS's ValidationError with its "1 validation error detected" wording.
 */
public final class QueryParams {

    private final Map<String, String> values;

    public QueryParams(Map<String, String> values) {
        this.values = values;
    }

    public static QueryParams parse(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form != null && !form.isEmpty()) {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                try {
                    values.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new AwsException("MalformedQueryString", "The query string is not properly URL-encoded: " + k);
                }
            }
        }
        return new QueryParams(values);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String string(String name) {
        return values.get(name);
    }

    public String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw validation("Value null at '" + member(name) + "' failed to satisfy constraint: Member must not be null");
        }
        return v;
    }

    public Integer integer(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw validation("Value '" + v + "' at '" + member(name) + "' failed to satisfy constraint: Member must be a number");
        }
    }

    /** A view of the keys under {@code prefix.}, with the prefix removed. */
    public QueryParams sub(String prefix) {
        String p = prefix + ".";
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(p)) {
                out.put(k.substring(p.length()), v);
            }
        });
        return new QueryParams(out);
    }

    /** The structures of a list, {@code prefix.member.1.*}, {@code prefix.member.2.*}, … in index order. */
    public List<QueryParams> members(String prefix) {
        String p = prefix + ".member.";
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(p)) {
                String rest = k.substring(p.length());
                int dot = rest.indexOf('.');
                String idx = dot < 0 ? rest : rest.substring(0, dot);
                try {
                    int i = Integer.parseInt(idx);
                    byIndex.computeIfAbsent(i, x -> new LinkedHashMap<>()).put(dot < 0 ? "" : rest.substring(dot + 1), v);
                } catch (NumberFormatException e) {
                    throw validation("Value '" + k + "' is not a valid list member name");
                }
            }
        });
        List<QueryParams> out = new ArrayList<>();
        byIndex.values().forEach(m -> out.add(new QueryParams(m)));
        return out;
    }

    /** A list of scalars, {@code prefix.member.1}, {@code prefix.member.2}, … in index order. */
    public List<String> strings(String prefix) {
        List<String> out = new ArrayList<>();
        for (QueryParams m : members(prefix)) {
            String v = m.values.get("");
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    public static AwsException validation(String detail) {
        return new AwsException("ValidationError", "1 validation error detected: " + detail);
    }

    /** AWS names members in validation messages in lower camel case: RoleArn becomes roleArn. */
    static String member(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
