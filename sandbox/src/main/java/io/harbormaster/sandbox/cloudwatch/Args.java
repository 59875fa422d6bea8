package io.harbormaster.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.AwsException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The input of a CloudWatch operation, whichever protocol carried it. JSON 1.0 and RPC v2 CBOR bodies are the same
 * document (CBOR's tag-1 timestamps arrive as epoch-second numbers); query parameters are unfolded into that shape
 * ({@code A.member.1.B} becomes {@code A[0].B}) with every leaf a string, so readers here accept a number or its
 * decimal text, and a timestamp as epoch seconds or ISO 8601. {@code path} names the member in error messages the
 * way the query protocol does ({@code MetricDataQueries.member.1.Id}).
 */
final class Args {

    private final JsonNode node;
    private final String path;

    Args(JsonNode node, String path) {
        this.node = node == null ? JsonNodeFactory.instance.objectNode() : node;
        this.path = path;
    }

    static Args of(JsonNode node) {
        return new Args(node, "");
    }

    /** Unfolds query parameters (Action and Version removed) into the document shape. */
    static Args fromQuery(Map<String, String> params) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equals("Action") || e.getKey().equals("Version")) {
                continue;
            }
            put(root, e.getKey().split("\\."), 0, e.getValue());
        }
        return new Args(toNode(root), "");
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String[] parts, int i, String value) {
        String name = parts[i];
        if (i == parts.length - 1) {
            into.putIfAbsent(name, value);
            return;
        }
        if ((parts[i + 1].equals("member") || parts[i + 1].equals("entry")) && i + 2 < parts.length) {
            int index;
            try {
                index = Integer.parseInt(parts[i + 2]);
            } catch (NumberFormatException e) {
                throw CwErrors.validation("Value '" + String.join(".", parts) + "' is not a valid list member name");
            }
            Object existing = into.get(name);
            TreeMap<Integer, Object> list = existing instanceof TreeMap ? (TreeMap<Integer, Object>) existing : new TreeMap<>();
            into.put(name, list);
            if (i + 3 == parts.length) {
                list.putIfAbsent(index, value);
            } else {
                Object el = list.get(index);
                Map<String, Object> m = el instanceof LinkedHashMap ? (Map<String, Object>) el : new LinkedHashMap<>();
                list.put(index, m);
                put(m, parts, i + 3, value);
            }
            return;
        }
        Object existing = into.get(name);
        Map<String, Object> m = existing instanceof LinkedHashMap ? (Map<String, Object>) existing : new LinkedHashMap<>();
        into.put(name, m);
        put(m, parts, i + 1, value);
    }

    @SuppressWarnings("unchecked")
    private static JsonNode toNode(Object o) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (o instanceof TreeMap<?, ?> t) {
            ArrayNode a = f.arrayNode();
            t.values().forEach(v -> a.add(toNode(v)));
            return a;
        }
        if (o instanceof Map<?, ?> m) {
            ObjectNode n = f.objectNode();
            ((Map<String, Object>) m).forEach((k, v) -> n.set(k, toNode(v)));
            return n;
        }
        return f.textNode((String) o);
    }

    JsonNode node() {
        return node;
    }

    String path(String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    boolean has(String name) {
        JsonNode n = node.get(name);
        return n != null && !n.isNull();
    }

    String string(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw serialization(name, "a string");
        }
        return n.asText();
    }

    /** A required string: absent or empty is MissingParameter, as CloudWatch answers. */
    String required(String name) {
        String v = string(name);
        if (v == null || v.isEmpty()) {
            throw CwErrors.missing(path(name));
        }
        return v;
    }

    Integer integer(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        if (n.isTextual()) {
            try {
                return Integer.valueOf(n.asText().trim());
            } catch (NumberFormatException e) {
                throw CwErrors.validation("Value '" + n.asText() + "' at '" + path(name)
                        + "' failed to satisfy constraint: Member must be an integer");
            }
        }
        throw serialization(name, "an integer");
    }

    int requiredInt(String name) {
        Integer v = integer(name);
        if (v == null) {
            throw CwErrors.missing(path(name));
        }
        return v;
    }

    Double dbl(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        double d;
        if (n.isNumber()) {
            d = n.doubleValue();
        } else if (n.isTextual()) {
            try {
                d = Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                throw CwErrors.validation("Value '" + n.asText() + "' at '" + path(name) + "' failed to satisfy constraint: Member must be a number");
            }
        } else {
            throw serialization(name, "a number");
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw CwErrors.invalidValue("The value " + n.asText() + " for parameter " + path(name) + " is invalid.");
        }
        return d;
    }

    Boolean bool(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual() && (n.asText().equals("true") || n.asText().equals("false"))) {
            return Boolean.valueOf(n.asText());
        }
        throw serialization(name, "a boolean");
    }

    Instant time(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return epoch(n.decimalValue());
        }
        if (n.isTextual()) {
            String s = n.asText().trim();
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeParseException e2) {
                    try {
                        return epoch(new java.math.BigDecimal(s));
                    } catch (NumberFormatException e3) {
                        throw CwErrors.validation("Value '" + s + "' at '" + path(name)
                                + "' failed to satisfy constraint: Member must be a timestamp");
                    }
                }
            }
        }
        throw serialization(name, "a timestamp");
    }

    Instant requiredTime(String name) {
        Instant t = time(name);
        if (t == null) {
            throw CwErrors.missing(path(name));
        }
        return t;
    }

    private static Instant epoch(java.math.BigDecimal seconds) {
        long s = seconds.longValue();
        long nanos = seconds.subtract(java.math.BigDecimal.valueOf(s)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(s, nanos);
    }

    /** A list of structures (empty when absent; the query protocol's {@code Name=} means an empty list). */
    List<Args> list(String name) {
        JsonNode n = node.get(name);
        List<Args> out = new ArrayList<>();
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isEmpty())) {
            return out;
        }
        if (!n.isArray()) {
            throw serialization(name, "a list");
        }
        int i = 1;
        for (JsonNode e : n) {
            if (!e.isObject()) {
                throw serialization(name, "a list of structures");
            }
            out.add(new Args(e, path(name) + ".member." + i++));
        }
        return out;
    }

    /** A list of strings (empty when absent). */
    List<String> strings(String name) {
        JsonNode n = node.get(name);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isEmpty())) {
            return out;
        }
        if (!n.isArray()) {
            throw serialization(name, "a list");
        }
        for (JsonNode e : n) {
            if (!e.isValueNode() || e.isNull()) {
                throw serialization(name, "a list of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    /** A list of numbers (empty when absent). */
    List<Double> doubles(String name) {
        JsonNode n = node.get(name);
        List<Double> out = new ArrayList<>();
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isEmpty())) {
            return out;
        }
        if (!n.isArray()) {
            throw serialization(name, "a list");
        }
        int i = 1;
        for (JsonNode e : n) {
            ObjectNode holder = JsonNodeFactory.instance.objectNode();
            holder.set("v", e);
            Double d = new Args(holder, path(name) + ".member." + i++).dbl("v");
            if (d == null) {
                throw serialization(name, "a list of numbers");
            }
            out.add(d);
        }
        return out;
    }

    Args object(String name) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw serialization(name, "a structure");
        }
        return new Args(n, path(name));
    }

    private AwsException serialization(String name, String expected) {
        return CwErrors.serialization("Member '" + path(name) + "' must be " + expected + ".");
    }
}
